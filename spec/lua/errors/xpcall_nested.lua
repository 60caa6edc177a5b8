local function h1(m) return "h1(" .. tostring(m) .. ")" end
local function h2(m) return "h2(" .. tostring(m) .. ")" end
print(xpcall(function()
  local ok, e = xpcall(function() error("inner", 0) end, h2)
  print("inner result", ok, e)
  error("outer", 0)
end, h1))
print(xpcall(function() print(pcall(error, "p", 0)) error("after", 0) end, h1))
