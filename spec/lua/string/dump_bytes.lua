-- the dump format is 5.4's: header bytes and a small function's exact bytes
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function f(a, b) return a + b end
print(hex(string.dump(f, true)))
print(hex(string.dump(f)))
print(hex(string.dump(function() end, true)))
print(hex(string.dump(load("local t = {1, 2.5, 'x', true}; return t"), true)))
