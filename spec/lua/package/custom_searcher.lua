package.path = ""
package.cpath = ""
table.insert(package.searchers, 1, function(name)
  if name == "virt" then
    return function(n, extra) return "virtual " .. n .. " " .. extra end, "extra data"
  end
  return "\n\tcustom: nothing for " .. name
end)
print(require("virt"))
local ok, err = pcall(require, "other")
print(err)
