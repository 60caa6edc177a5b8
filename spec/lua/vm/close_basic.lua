local function mk(name) return setmetatable({}, {__close = function(_, e) print("close", name, e) end}) end
do
  local a <close> = mk("a")
  local b <close> = mk("b")
  print("body")
end
local function f()
  local x <close> = mk("x")
  return "ret"
end
print(f())
for i = 1, 2 do
  local c <close> = mk("loop" .. i)
  if i == 1 then goto cont end
  print("i", i)
  ::cont::
end
while true do local d <close> = mk("brk") break end
local ok, err = pcall(function() local e <close> = mk("err") error("boom") end)
print(ok, err)
local n <close> = nil
local f2 <close> = false
print("end")
