local t = {"banana", "apple", "Cherry", "date", "apple2", "", "b"}
table.sort(t)
print(table.concat(t, ","))
table.sort(t, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(t, ","))
