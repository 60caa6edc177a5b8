local function iter()
  local closing = setmetatable({}, {__close = function() print("iterator closed") end})
  local i = 0
  return function() i = i + 1 if i <= 3 then return i end end, nil, nil, closing
end
for v in iter() do print(v) end
for v in iter() do if v == 2 then break end print(v) end
print(pcall(function() for v in iter() do error("in loop") end end))
