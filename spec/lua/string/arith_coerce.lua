-- arithmetic on numeric strings goes through the string metamethods
print("10" + 1, "10" - 1, "10" * 2, "10" / 4, "10" % 3, "2" ^ 10, "7" // 2, -"3")
print(1 + "10", 1 - "10", 2 * "10", 4 / "10", 3 % "10", 10 ^ "2", 2 // "7")
print("1.5" + 1, "0x10" + 0, " 12 " + 0, "1e3" * 1, "-0x1p4" + 0, ".5" + 0, "5." + 0)
print(math.type("1" + 1), math.type("1.0" + 1), math.type("1" + 1.0), math.type(-"2"), math.type("3" / "1"))
print("9223372036854775807" + 1, "0xffffffffffffffff" + 0, "9223372036854775808" + 0)
print("10" // "0.0", "-10" % "0.0" ~= "-10" % "0.0", -"0", -"-0.0", "inf" == nil)
print(pcall(function() return "10" // "0" end))
print(pcall(function() return "10" % "0" end))
local x, y = "6", "7"
print(x * y, x + y, x .. y, #x + #y)
local t = {}
for i = 1, 3 do t[i] = ("" .. i) * i end
print(table.concat(t, ","))
