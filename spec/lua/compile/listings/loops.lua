-- numeric and generic for, nested loops, closures over loop variables
local t = {}
for i = 1, 5 do t[i] = i * i end
for i = 10, 1, -3 do io.write(i, " ") end
print()
for i = 1.0, 2.0, 0.5 do io.write(i, " ") end
print()
for i = #t, 1, -1 do io.write(t[i], " ") end
print()
local fns = {}
for i = 1, 3 do fns[i] = function () return i end end
print(fns[1](), fns[2](), fns[3]())
local keys = {}
for k, v in ipairs(t) do keys[#keys + 1] = k .. "=" .. v end
print(table.concat(keys, ","))
for k in pairs({}) do print(k) end
local function iter(s, c) if c < s then return c + 1, c * 2 end end
for a, b in iter, 3, 0 do io.write(a, ":", b, " ") end
print()
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    io.write(i, j, " ")
  end
end
print()
