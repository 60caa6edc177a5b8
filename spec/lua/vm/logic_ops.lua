print(nil or 1, false or nil, 0 and 2, nil and 1, false == false)
print(not nil, not 0, not "", 1 and 2 or 3, nil and 2 or 3)
local x = nil
print(x == nil and "nil" or "not", (x or {}).y)
print(1 and nil, false or false)
local a, b = 3, 4
print(a < b and "lt" or "ge", a > b and "gt" or "le")
