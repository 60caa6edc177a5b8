local depth = 0
local function nest(n)
  if n == 0 then error("bottom", 0) end
  local ok, e = pcall(nest, n - 1)
  depth = depth + 1
  error(e .. "<" .. n, 0)
end
print(pcall(nest, 5))
print(depth)
print(pcall(pcall, error, "x"))
print(pcall(pcall, pcall, error, "y"))
