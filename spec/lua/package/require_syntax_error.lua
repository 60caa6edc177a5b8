package.path = "./mods/?.lua"
package.cpath = ""
local ok, err = pcall(require, "m_syntax")
print(ok)
print(err)
print(package.loaded.m_syntax)
