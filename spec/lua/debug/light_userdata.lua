-- debug.upvalueid gives light userdata: identities usable as table keys
local a, b = 1, 2
local function f () return a, b end
local function g () return a end
local ia, ib, ga = debug.upvalueid(f, 1), debug.upvalueid(f, 2), debug.upvalueid(g, 1)
print(type(ia), ia == ga, ia == ib, rawequal(ia, ga), math.type(ia))
local t = {}
t[ia] = "a"; t[ib] = "b"
print(t[ga], t[ib], #tostring(ia) > 10)
print(string.match(tostring(ia), "^userdata: 0x%x+$") ~= nil)
print(string.format("%p", ia) == string.match(tostring(ia), "0x%x+"))
print(pcall(function () return ia < ib end))
print(pcall(function () return ia .. "" end))
print(pcall(function () return #ia end))
print(pcall(function () return ia.x end))
print(pcall(debug.getuservalue, ia))
print(pcall(debug.setuservalue, ia, 1))
print(select("#", debug.upvalueid(f, 3)), debug.upvalueid(f, 3))
-- light userdata share one metatable, set with debug.setmetatable
debug.setmetatable(ia, {__index = function (u, k) return k .. "!" end, __name = "LUD"})
print(ib.hello, getmetatable(ga).__name)
print(string.match(tostring(ia), "^LUD: 0x%x+$") ~= nil)
debug.setmetatable(ia, nil)
print(getmetatable(ib))
-- upvalueids of the same upvalue seen through upvaluejoin
local function h () return b end
debug.upvaluejoin(h, 1, f, 1)
print(debug.upvalueid(h, 1) == ia, h())
local n = 0
for k, v in next, t do n = n + 1 end
print(n)
