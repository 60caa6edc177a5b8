package.path = ""
package.cpath = "./mods/?.so"
local ok, err = pcall(require, "fake")
print(ok)
print((err:match("^[^\n]*")))
local ok2, err2 = pcall(require, "fake.sub")
print(ok2)
print((err2:match("^[^\n]*")))
