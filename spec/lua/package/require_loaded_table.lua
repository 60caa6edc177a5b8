local loaded = package.loaded
local reg = debug.getregistry()
print(reg._LOADED == loaded, reg._PRELOAD == package.preload)
package.loaded = {}
print(require("string") == string)
package.loaded = loaded
package.preload = {}
package.path = ""
package.cpath = ""
reg._PRELOAD.viaReg = function() return "reg preload" end
print(require("viaReg"))
