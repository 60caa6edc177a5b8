package.path = ""
package.cpath = ""
package.preload.pre = function(...)
  print("loader args", select('#', ...), ...)
  return { pre = true }
end
local m, d = require("pre")
print(m.pre, d)
print(require("pre") == m)
package.preload.nothing = function() end
print(require("nothing"))
