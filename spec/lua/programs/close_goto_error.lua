-- <close> with goto leaving a block, errors raised in body and in __close itself
local log = {}
local function closer(name, fail)
  return setmetatable({}, {__close = function(o, err)
    log[#log + 1] = name .. ":" .. tostring(err)
    if fail then error(fail, 0) end
  end})
end
local n = 0
::again::
do
  local a <close> = closer("g" .. n)
  n = n + 1
  if n < 3 then goto again end
end
print(table.concat(log, " ")); log = {}
print(pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  error("boom", 0)
end))
print(table.concat(log, " ")); log = {}
print(pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b", "bfail")
  return 1
end))
print(table.concat(log, " ")); log = {}
print(pcall(function()
  local a <close> = closer("a", "afail")
  local b <close> = closer("b", "bfail")
  error("orig", 0)
end))
print(table.concat(log, " ")); log = {}
local ok, e = pcall(function()
  local a <close> = closer("t")
  error({code = 7})
end)
print(ok, type(e), e.code, log[1]:sub(1, 8))
