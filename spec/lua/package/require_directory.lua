package.path = "./mods/?"
package.cpath = ""
print(package.searchpath("sub", package.path))
local ok, err = pcall(require, "sub")
print(ok)
print(err)
