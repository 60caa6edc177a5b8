-- generic for with ipairs (stops at hole), sorted pairs, next, and explicit state triples
local t = {10, 20, 30, nil, 50}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end
print()
local h = {b = 2, a = 1, c = 3, 10, 20}
local ks = {}
for k, v in pairs(h) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(ks)
print(table.concat(ks, " "))
local cnt = 0
for k, v in next, h do cnt = cnt + 1 end
print(cnt)
local k, v = next({})
print(k, v, next({}, nil), next({5}))
print(pcall(next, {}, "nokey"))
for i, v in ipairs({}) do print("never") end
for i, v in ipairs(setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 2 end end})) do
  io.write(i, ":", v, " ")
end
print()
-- modifying values (not adding keys) while traversing is allowed
local m = {x = 1, y = 2, z = 3}
for k in pairs(m) do m[k] = m[k] * 10 end
print(m.x, m.y, m.z)
for k in pairs(m) do m[k] = nil end
print(next(m))
-- pairs honours __pairs
local proxy = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function() i = i + 1; if i <= 3 then return i, i * i end end, t, nil
end})
for k, v in pairs(proxy) do io.write(k, "->", v, " ") end
print()
local s = 0
for _, w in ipairs({"a", "bb", "ccc"}) do s = s + #w end
print(s)
print(pcall(function() for x in 5 do end end))
print(pcall(function() for x in nil do end end))
