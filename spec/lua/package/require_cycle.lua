package.path = "./mods/?.lua"
package.cpath = ""
print(require("m_cycle_a"))
print(package.loaded.m_cycle_b)
