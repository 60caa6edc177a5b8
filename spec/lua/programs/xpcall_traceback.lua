-- xpcall with handlers: traceback (first line only), handler receiving non-string values, args
local function firstline(s) return (tostring(s):match("^[^\n]*")) end
local ok, tb = xpcall(function() error("oops") end, debug.traceback)
print(ok, firstline(tb))
print(tb:match("\nstack traceback:\n") ~= nil)
ok, tb = xpcall(function() local x = nil; return x.y end, debug.traceback)
print(ok, firstline(tb))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() error({1, 2, 3}) end, function(e) return #e end))
print(xpcall(function() error() end, function(e) return "handled " .. tostring(e) end))
print(xpcall(function() error("x", 0) end, function(e) return e, "second" end))
print(firstline(debug.traceback("msg here")))
print(firstline(debug.traceback(12)), debug.traceback(nil) == nil, type(debug.traceback({})))
print(xpcall(function() error("inner") end, function(e) error("handler fails") end))
local depth = 0
print(xpcall(function() local t = setmetatable({}, {__index = function() error("from index") end}); return t.x end,
  function(e) return "H:" .. e end))
print(pcall(xpcall))
print(pcall(xpcall, print))
