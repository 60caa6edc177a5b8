-- Inline __index chains (GETFIELD/SELF) and raw sets through a metatable without __newindex
-- (SETFIELD/SETTABLE/SETI): results must match the generic metamethod paths.
local Base = {}; Base.__index = Base
function Base.kind() return "base" end
function Base:name() return "B" .. self.id end
local Mid = setmetatable({}, Base); Mid.__index = Mid
function Mid:name() return "M" .. Base.name(self) end
local Leaf = setmetatable({}, Mid); Leaf.__index = Leaf
local o = setmetatable({ id = 7 }, Leaf)
print(o:name(), o.kind(), o.missing, o.id)

-- a function __index at the end of a table chain
local F = setmetatable({}, { __index = function(t, k) return "fn:" .. tostring(k) end })
local G = setmetatable({}, { __index = F })
local g = setmetatable({}, { __index = G })
print(g.zz, g["k2"], g[3])

-- __index chain that loops
local A = {}; A.__index = A; setmetatable(A, A)
local ok, err = pcall(function() return A.nothing end)
print(ok, err)
local ok2, err2 = pcall(function() local x = setmetatable({}, A); return x:nothing() end)
print(ok2, err2)

-- a non-table, non-function __index in the chain
local B = setmetatable({}, { __index = 42 })
local ok3, err3 = pcall(function() return setmetatable({}, { __index = B }).q end)
print(ok3, err3)

-- new fields on objects with a class metatable, then __newindex added later
local mt = { __index = {} }
local obj = setmetatable({}, mt)
obj.a = 1; obj[1] = "one"; obj[2] = "two"
local k = 3; obj[k] = "three"
print(obj.a, obj[1], obj[2], obj[3], rawget(obj, "a"))
local log = {}
mt.__newindex = function(t, key, v) log[#log + 1] = tostring(key) .. "=" .. tostring(v); rawset(t, key, v) end
obj.b = 2; obj[4] = "four"; local j = 5; obj[j] = "five"; obj.a = 10
print(obj.b, obj[4], obj[5], obj.a, table.concat(log, ","))
mt.__newindex = nil
obj.c = 3
print(obj.c, #log)
-- __newindex as a table
local store = {}
local mt2 = setmetatable({}, { __index = function() return nil end })
mt2.__newindex = store
local p = setmetatable({}, mt2)
p.x = 1; p[1] = 2
print(rawget(p, "x"), store.x, store[1])
-- counting SELF lookups through a 3-level chain in a loop
local s = 0
for i = 1, 1000 do s = s + #o:name() end
print(s)
