-- string.gmatch: words, captures, pairs
local out = {}
for w in string.gmatch("one two three", "%a+") do out[#out + 1] = w end
print(table.concat(out, "|"))
out = {}
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do out[#out + 1] = k .. ":" .. v end
print(table.concat(out, "|"))
out = {}
for p in ("abc"):gmatch("()") do out[#out + 1] = p end
print(table.concat(out, ","))
out = {}
for a, p in ("hello"):gmatch("(l)()") do out[#out + 1] = a .. p end
print(table.concat(out, ","))
local it = ("x y"):gmatch("%a")
print(it(), it(), it(), it())
print(type(string.gmatch("", "")), select('#', ("abc"):gmatch("z")()))
out = {}
for k in ("^a^b"):gmatch("^.") do out[#out + 1] = k end
print(table.concat(out, ","))
