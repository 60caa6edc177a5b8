local t <const> = {}
local function f()
  t = nil
end
