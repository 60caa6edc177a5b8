-- a loaded function gets fresh upvalues: the first one is _ENV (the globals), others nil
local up = 5
local function u() return up end
local uu = load(string.dump(u))
print(pcall(uu) and type(uu()))
print(uu() == _G)
local a, b = 1, 2
local function two() return a, b end
local t = load(string.dump(two))
print(t() == _G, select(2, t()))
local e = load(string.dump(function() return print end), "n", "b", {print = "mine"})
print(e())
local function g() return x end
x = "global x"
print(load(string.dump(g))())
