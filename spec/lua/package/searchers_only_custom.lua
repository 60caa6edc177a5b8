local calls = {}
package.searchers = {
  function(name) calls[#calls + 1] = "s1:" .. name; return "\n\tfirst" end,
  function(name) calls[#calls + 1] = "s2:" .. name; return function(n, d) return d end, nil end,
}
print(require("abc"))
print(table.concat(calls, " "))
print(package.loaded.abc)
