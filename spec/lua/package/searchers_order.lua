print(#package.searchers)
for i = 1, #package.searchers do print(i, type(package.searchers[i])) end
package.path = "./mods/?.lua"
package.cpath = "./mods/?.so"
print(package.searchers[1]("nope"))
print(package.searchers[2]("nope"))
print(package.searchers[3]("nope"))
print(package.searchers[4]("nope"))
print(package.searchers[4]("a.b"))
local f, file = package.searchers[2]("m_table")
print(type(f), file)
