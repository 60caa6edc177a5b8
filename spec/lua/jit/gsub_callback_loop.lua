-- string.gsub/gmatch with Lua callbacks invoked hundreds of times from library code
local text = string.rep("a1b22c333 ", 60)
local total = 0
local out = text:gsub("%d+", function(d) total = total + tonumber(d); return "<" .. #d .. ">" end)
print(total, #out, out:sub(1, 30))
local words = 0
for w in text:gmatch("%a%d+") do words = words + 1 end
print(words)
local counts = {}
text:gsub("%a", function(c) counts[c] = (counts[c] or 0) + 1 end)
print(counts.a, counts.b, counts.c)
local r = ("x"):rep(300):gsub("x", function() return nil end)
print(#r)
local ok, err = pcall(string.gsub, text, "%d", function(d) if d == "3" then error("three!") end end)
print(ok, err)
