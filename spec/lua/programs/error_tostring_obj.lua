-- error objects with __tostring: caught they stay tables; uncaught the interpreter prints them
local Err = {}
Err.__index = Err
Err.__tostring = function(e) return "Err(" .. e.code .. "): " .. e.msg end
local function newErr(code, msg) return setmetatable({code = code, msg = msg}, Err) end
local ok, e = pcall(function() error(newErr(7, "bad thing")) end)
print(ok, getmetatable(e) == Err, e.code, tostring(e))
local ok2, e2 = pcall(function()
  local ok, inner = pcall(error, newErr(1, "inner"))
  inner.msg = inner.msg .. " wrapped"
  error(inner)
end)
print(ok2, tostring(e2))
print(select(2, xpcall(function() error(newErr(3, "tb")) end, function(x) return tostring(x) end)))
local function try(f, catch) local r = table.pack(pcall(f)); if r[1] then return table.unpack(r, 2, r.n) end return catch(r[2]) end
print(try(function() return 1, 2 end, print))
print(try(function() error(newErr(9, "caught")) end, function(x) return "catch: " .. tostring(x) end))
error(newErr(500, "fatal"))
