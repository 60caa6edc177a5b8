-- ipairs over arrays modified during traversal (appending, truncating, replacing values)
local t = {1, 2, 3}
local visits = 0
for i, v in ipairs(t) do
  visits = visits + 1
  if i <= 150 then t[#t + 1] = v + 3 end
end
print(visits, #t, t[#t])
local u = {}
for i = 1, 300 do u[i] = i end
local n = 0
for i, v in ipairs(u) do
  n = n + 1
  if i == 200 then u[250] = nil end
end
print(n)
local w = {}
for i = 1, 200 do w[i] = i end
local s = 0
for i, v in ipairs(w) do
  if i < 200 then w[i + 1] = v * 2 % 1009 end
  s = s + v
end
print(s)
