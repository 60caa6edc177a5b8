local function show()
  local i = debug.getinfo(2, "n")
  print(i.name, i.namewhat)
end
local mt = {
  __index = function() show() return 1 end,
  __add = function() show() return 2 end,
  __eq = function() show() return true end,
  __lt = function() show() return true end,
  __le = function() show() return true end,
  __concat = function() show() return "c" end,
  __len = function() show() return 3 end,
  __call = function() show() return 4 end,
  __unm = function() show() return 5 end,
  __newindex = function() show() end,
  __close = function() show() end,
}
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local _ = a.x
_ = a + 1
_ = a == b
_ = a < b
_ = a <= b
_ = a .. "x"
_ = #a
_ = a()
_ = -a
a.y = 1
do local c <close> = a end
