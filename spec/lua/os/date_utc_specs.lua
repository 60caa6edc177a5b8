-- every conversion specifier 5.4 accepts, in UTC, at several instants
local specs = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
local times = {0, 86399, 951782400, 1234567890, 1700000000, -1, -86400 * 365, 4102444800, 253402300799}
for _, t in ipairs(times) do
  local parts = {}
  for c in specs:gmatch(".") do
    parts[#parts + 1] = c .. "=" .. os.date("!%" .. c, t)
  end
  print(t, table.concat(parts, "|"))
end
