-- string comparisons in hot loops: lexicographic <, <=, ==, with prefixes, embedded zeros, bytes > 127
local strs = {"", "a", "ab", "abc", "b", "B", "a\0b", "a\0", "\200", "Z", "aa", "10", "9"}
local lt, le, eq = 0, 0, 0
for rep = 1, 10 do
  for i = 1, #strs do
    for j = 1, #strs do
      if strs[i] < strs[j] then lt = lt + 1 end
      if strs[i] <= strs[j] then le = le + 1 end
      if strs[i] == strs[j] then eq = eq + 1 end
    end
  end
end
print(lt, le, eq)
local sorted = {}
for i, s in ipairs(strs) do sorted[i] = s end
table.sort(sorted)
local shown = {}
for i, s in ipairs(sorted) do shown[i] = string.format("%q", s) end
print(table.concat(shown, " "))
local same = 0
for i = 1, 300 do if ("k" .. (i % 10)) == "k5" then same = same + 1 end end
print(same)
