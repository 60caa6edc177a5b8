local t = setmetatable({}, {
  __len = function() return 1, 2, 3 end,
  __unm = function() return "u", "v" end,
  __index = function() return "i", "j" end,
  __add = function() return "a", "b" end,
  __call = function() return 1, 2, 3 end})
print(#t, -t, t.x, t + 1)
print(t())
print(select('#', t.x), select('#', t()))
