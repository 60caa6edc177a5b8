print(pcall(require))
print(pcall(require, {}))
package.path = "./mods/?.lua"
package.cpath = ""
print(require(1 == 1 and "m_varargs"))
print(pcall(require, 12))
