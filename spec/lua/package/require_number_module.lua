package.path = "./mods/?.lua"
package.cpath = ""
print(require("m_number"))
print(package.loaded.m_number)
print(select('#', require("m_number")))
