local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(190000))
local ok, err = pcall(function() local function f() return 1 + f() end return f() end)
print(ok, err)
local function count(n) if n == 0 then return 0 end local r = count(n - 1) return r + 1 end
print(count(10000))
