package.path = "./mods/?.lua"
package.cpath = ""
package.preload["1.5"] = function(n) return "num name " .. n end
print(require(1.5))
print(package.loaded["1.5"])
package.loaded["10"] = "ten"
print(require(10))
