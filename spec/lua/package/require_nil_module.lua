package.path = "./mods/?.lua"
package.cpath = ""
local v, d = require("m_nil")
print(v, d, M_NIL_RAN, package.loaded.m_nil)
local v2, d2 = require("m_nil")
print(v2, d2, M_NIL_RAN)
