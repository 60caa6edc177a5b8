package.path = "./mods/?.lua"
package.cpath = ""
local ok, err = pcall(require, "m_error")
print(ok, err)
print(package.loaded.m_error)
local ok2, err2 = pcall(require, "m_error_table")
print(ok2, type(err2), err2.code)
