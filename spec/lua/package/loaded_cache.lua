package.loaded.fake = "cached value"
print(require("fake"))
package.loaded.fake = false
package.path = ""
package.cpath = ""
package.preload.fake = function() return "reloaded" end
print(require("fake"))
print(require("string") == string, require("_G") == _G)
print(package.loaded.package == package, package.loaded.debug == debug)
