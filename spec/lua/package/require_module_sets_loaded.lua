package.path = "./mods/?.lua"
package.cpath = ""
print(require("m_sets_loaded"))
print(require("m_sets_loaded2"))
print(package.loaded.m_sets_loaded, package.loaded.m_sets_loaded2)
