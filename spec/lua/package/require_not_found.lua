package.path = "./mods/?.lua;./mods/?/x.lua"
package.cpath = "./mods/?.so"
local ok, err = pcall(require, "nosuch")
print(ok)
print(err)
