package.path = "./mods/?.lua"
package.cpath = "./mods/?.so"
local m, extra = require("m_table")
print(type(m), m.name, m.file, m.count, extra)
print(package.loaded.m_table == m)
local again, extra2 = require("m_table")
print(again == m, extra2)
