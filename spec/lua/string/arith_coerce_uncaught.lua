-- an uncaught coercion error from the string metamethod
local n = "5" * 2
print(n)
local bad = "five"
print(bad * 2)
