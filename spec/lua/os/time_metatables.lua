-- os.time reads and writes fields with metamethods
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k; local d = {year = 2022, month = 5, day = 4}; return d[k] end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. k .. "=" .. tostring(v) end,
})
local t = os.time(proxy)
for _, l in ipairs(log) do
  if not l:match("^set isdst") then print(l) end
end
print(t == os.time({year = 2022, month = 5, day = 4}))
