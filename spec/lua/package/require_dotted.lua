package.path = "./mods/?.lua"
package.cpath = ""
print(require("sub.inner"))
print(package.loaded["sub.inner"])
