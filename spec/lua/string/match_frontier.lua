-- the frontier pattern %f
print(("THE (quick) fox"):find("%f[%a]%a+"), ("THE (quick) fox"):gsub("%f[%a]%a+", "W"))
print(("hello world"):gsub("%f[%w]%w+", function(w) return w:upper() end))
print(("foo bar"):find("%f[%z]"), ("foo"):find("%f[^%z]"), ("aXb"):find("%f[%u]"))
print(("THE END"):match("%f[%l]"), ("x1y"):gsub("%f[%d]", "<"), ("x1y"):gsub("%f[%D]", ">"))
local words = {}
for w in ("one two  three"):gmatch("%f[%S]%S+") do words[#words + 1] = w end
print(table.concat(words, ","))
print(pcall(string.find, "x", "%f"))
print(pcall(string.find, "x", "%fa"))
