-- <const> compile-time constants and <close> variables
local K <const> = 10
local S <const> = "str"
local F <const> = 2.5
local N <const> = nil
local B <const> = true
local T <const> = {}
print(K + 1, K * F, S .. K, N, B, #T, K == 10, -K, ~K)
local function usesK() return K, S, type(T) end
print(usesK())
local big <const> = 1 << 40
print(big + 1, big // 3)
do
  local x <close> = setmetatable({}, { __close = function () print("closed x") end })
  local y <close> = nil
  print("in block")
end
local function withclose()
  local z <close> = setmetatable({}, { __close = function (_, e) print("closed z", e) end })
  return "ret"
end
print(withclose())
for i = 1, 2 do
  local c <close> = setmetatable({}, { __close = function () print("close", i) end })
end
local a <const>, b = 1, 2
print(a, b)
