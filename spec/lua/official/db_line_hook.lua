-- line hooks: one event per new line executed (and per backward jump)
local function test (s)
  local lines = {}
  local function f (event, line)
    lines[#lines + 1] = event .. ":" .. line
  end
  local fn = load(s)
  debug.sethook(f, "l"); fn(); debug.sethook()
  print(table.concat(lines, " "))
end
test([[if
math.sin(1)
then
  a=1
else
  a=2
end
]])
test([[
local function foo()
end
foo()
A = 1
A = 2
A = 3
]])
test([[--
if nil then
  a=1
else
  a=2
end
]])
test([[a=1
repeat
  a=a+1
until a==3
]])
test([[ do
  return
end
]])
test([[for i=1,3 do
  a=i
end
]])
test([[for i,v in pairs{'a','b'} do
  a=tostring(i) .. v
end
]])
