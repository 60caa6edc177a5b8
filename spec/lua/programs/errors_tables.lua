-- error values of every type: tables, nil, numbers, booleans; rethrow preserves identity
local E = {code = 404}
local ok, e = pcall(error, E)
print(ok, e == E, e.code)
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, 42))
print(pcall(error, 42.5, 1))
print(pcall(error, false))
print(pcall(error, "msg", 0))
print(pcall(function() error("with pos") end))
print(pcall(function() error("no pos", 0) end))
local okm, em = pcall(function() error(setmetatable({}, {__index = {kind = "meta"}})) end)
print(okm, type(em), em.kind)
local function rethrow()
  local ok, err = pcall(error, E)
  error(err)
end
local ok2, e2 = pcall(rethrow)
print(ok2, e2 == E)
local ok3, e3 = pcall(function() local ok, m = pcall(error, "inner"); error(m .. "+outer") end)
print(ok3, e3)
print(select('#', pcall(error)))
local function thrower(kind)
  if kind == 1 then return nil + 1
  elseif kind == 2 then return #5
  elseif kind == 3 then return ("x")()
  elseif kind == 4 then return math.floor("a")
  elseif kind == 5 then return string.rep()
  elseif kind == 6 then return setmetatable(1, 2)
  elseif kind == 7 then return ipairs()
  else return tostring() end
end
for k = 1, 8 do print(k, pcall(thrower, k)) end
error({code = 1})
