-- gsub with a table: first capture (or whole match) is the key; false/nil keeps the text
local vars = {name = "Lua", version = 5.4, yes = true, no = false}
print(string.gsub("$name $version $missing $no", "%$(%w+)", vars))
print(string.gsub("hello world", "%w+", {hello = "HI"}))
print(string.gsub("abc", "(a)(b)", {a = "1", ab = "2"}))
print(string.gsub("x1 x2", "x(%d)", {[1] = "one", ["2"] = "two"}))
print(string.gsub("abc", "()", {[1] = "<", [4] = ">"}))
local mt = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(string.gsub("some words", "%a+", mt))
print(pcall(string.gsub, "$yes", "%$(%w+)", vars))
print(pcall(string.gsub, "ab", "%w", {a = {}}))
