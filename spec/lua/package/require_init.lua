package.path = "./mods/?.lua;./mods/?/init.lua"
package.cpath = ""
local m, f = require("pkg")
print(m.init, m.name, m.file, f)
