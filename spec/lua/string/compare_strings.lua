-- comparison of byte strings (no coercion for < and ==)
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a")
print("a\0b" < "a\0c", "a\0" > "a", "\255" > "\127", "10" < "9", "10" == 10)
print(pcall(function() return "1" < 2 end))
print(pcall(function() return {} < "x" end))
local t = {"banana", "Apple", "cherry", "apple", "\200x", "10", "9"}
table.sort(t)
print(table.concat(t, " "))
print(("x"):rep(3) == "xxx", "abc" >= "abc", "abc" <= "ab")
