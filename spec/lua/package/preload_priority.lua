package.path = "./mods/?.lua"
package.cpath = ""
package.preload.m_table = function() return "from preload" end
print(require("m_table"))
