local src = "return function(...) return select('#', ...) end"
local count = load(src)()
local args = {}
for i = 1, 250 do args[i] = "x" .. i end
local call = load("local f = ... return f(" .. (function() local s = "" for i = 1, 250 do s = s .. (i > 1 and "," or "") .. i end return s end)() .. ")")
print(call(count))
local function sum(...) local s = 0 for i = 1, select('#', ...) do s = s + select(i, ...) end return s end
print(load("local f = ... return f(" .. (function() local s = "" for i = 1, 100 do s = s .. (i > 1 and "," or "") .. i end return s end)() .. ")")(sum))
