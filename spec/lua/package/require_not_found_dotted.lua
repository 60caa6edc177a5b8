package.path = "./mods/?.lua"
package.cpath = "./mods/?.so"
local ok, err = pcall(require, "a.b.c")
print(ok)
print(err)
