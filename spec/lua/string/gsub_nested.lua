-- callbacks that run the string library again, and that recurse
local function expand(s)
  return (s:gsub("%b{}", function(inner) return expand(inner:sub(2, -2)):upper() end))
end
print(expand("a{b{c}d}e"))
print(string.gsub("x y z", "%a", function(c) return (c:rep(2):gsub(".", "%0.")) end))
local t = {}
print(("k1=v1;k2=v2"):gsub("(%w+)=(%w+)", function(k, v)
  for a in v:gmatch(".") do t[#t + 1] = a end
  return k:find("2") and "two" or nil
end))
print(table.concat(t))
local co = coroutine.wrap(function()
  return string.gsub("ab", ".", function(c) return coroutine.yield(c) end)
end)
print(pcall(co))
