package.path = "./mods/?.lua"
package.cpath = ""
package.preload.bad = function(name) error("preload failed for " .. name) end
print(pcall(require, "bad"))
print(package.loaded.bad)
package.preload.badobj = function() error(setmetatable({}, { __tostring = function() return "OBJ" end })) end
local ok, e = pcall(require, "badobj")
print(ok, tostring(e))
table.insert(package.searchers, 2, function(name) error("searcher exploded on " .. name, 0) end)
print(pcall(require, "m_table"))
table.remove(package.searchers, 2)
print(require("m_loaded_false"), package.loaded.m_loaded_false)
