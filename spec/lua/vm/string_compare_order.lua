local words = {"banana", "apple", "Cherry", "apple2", "", "b"}
local function less(a, b) return a < b end
for i = 1, #words do
  for j = 1, #words do
    if less(words[i], words[j]) then io_x = 1 end
  end
end
print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "\255" > "a")
