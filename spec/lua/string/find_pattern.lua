-- string.find with patterns and captures
local s = "key = value; other=42"
print(s:find("(%w+)%s*=%s*(%w+)"))
print(s:find("(%w+)%s*=%s*(%w+)", 10))
print(s:find("%d+"), s:find("^key"), s:find("^value"), s:find("42$"), s:find("4$"))
print(("aaa"):find("a-"), ("aaa"):find("a-$"), ("aaa"):find("a*"), ("aaa"):find("a+", 2))
print(("hello"):find("l+"), ("hello"):find("()ll()"))
print(("THE (quick) fox"):find("%((%a+)%)"))
print(("abc"):find("b", -1), ("abc"):find("[a-c]+", -2))
print(("x^y"):find("^", 1), ("x^y"):find("x^"), ("$x"):find("$x"), ("a$"):find("a$", 1, true))
