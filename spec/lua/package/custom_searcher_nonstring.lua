package.path = ""
package.cpath = ""
package.searchers = {
  function(name) return nil end,
  function(name) return 42 end,
  function(name) return "msg from searcher 3" end,
}
local ok, err = pcall(require, "x")
print(ok)
print(err)
package.searchers = nil
print(pcall(require, "y"))
