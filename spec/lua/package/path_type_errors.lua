package.path = nil
package.cpath = ""
print(pcall(require, "foo"))
package.path = 12
print(pcall(require, "foo"))
package.path = ""
package.cpath = {}
print(pcall(require, "foo"))
