-- getlocal/setlocal across pcall/error frames and in __close / __index metamethods
local function show_locals(level)
  local out = {}
  for i = 1, 20 do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. (type(v) == "table" and "tbl" or type(v) == "function" and "fn" or tostring(v))
  end
  return table.concat(out, " ")
end
local obj = setmetatable({}, { __index = function(t, k)
  print("index:", show_locals(1))
  print("caller:", show_locals(2))
  return k
end })
local function user(p)
  local q = p .. "!"
  return obj[q]
end
print(user("key"))
do
  local x <close> = setmetatable({}, { __close = function(o, e)
    print("close:", show_locals(1))
  end })
  local y = 2
end
print(pcall(function(a, b)
  local c = a * b
  print("in pcall:", show_locals(1))
  print("pcall frame:", show_locals(2))
  error("e")
end, 3, 4))
