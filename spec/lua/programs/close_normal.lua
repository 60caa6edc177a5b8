-- <close> variables: __close order on normal exit, break, return; error value is nil
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(o, err)
    log[#log + 1] = name .. ":" .. tostring(err)
  end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = nil
  local d <close> = false
  log[#log + 1] = "body"
end
print(table.concat(log, " ")); log = {}
for i = 1, 3 do
  local x <close> = closer("i" .. i)
  if i == 2 then break end
end
print(table.concat(log, " ")); log = {}
local function f()
  local a <close> = closer("fa")
  local b <close> = closer("fb")
  return "ret", #log
end
print(f())
print(table.concat(log, " ")); log = {}
local function g(n)
  local r <close> = closer("g" .. n)
  if n > 0 then return g(n - 1) end
  return n
end
print(g(3))
print(table.concat(log, " ")); log = {}
-- generic for closes its 4th value when the loop ends by break
local function iter()
  local i = 0
  return function() i = i + 1; if i <= 5 then return i end end, nil, nil, closer("for")
end
for i in iter() do
  if i == 3 then break end
end
print(table.concat(log, " ")); log = {}
for i in iter() do end
print(table.concat(log, " ")); log = {}
print(pcall(function() local x <close> = {} end))
print(pcall(function() local x <close> = 42 end))
