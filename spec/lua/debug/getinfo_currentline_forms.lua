-- currentline in various positions
local function L() return debug.getinfo(2, "l").currentline end
local t = {
  L(),
  [L()] = 1,
}
print(t[1])
local s = "a" ..
  "b" .. tostring(
  L())
print(s)
if L() == 11 then print("if line") end
while L() ~= 12 do break end
repeat local x = L() print(x) until true
for i = L(), L() do print(i) break end
local f = function(
  a,
  b)
  return L()
end
print(f())
print((function() return L() end)())
goto skip
::skip:: print(L())
