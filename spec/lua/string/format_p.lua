-- %p: "(null)" for values without an address; tables show the address tostring shows
local t, f = {}, function() end
print(string.format("%p %p %p %p", nil, true, 1, 2.5))
print(string.format("%p", t) == tostring(t):match("0x%x+"), string.format("%p", f) == tostring(f):match("0x%x+"))
print(string.format("%p", t) == string.format("%p", t), string.format("%p", t) ~= string.format("%p", {}))
print(string.format("%10p|%-10p|", nil, nil))
print(pcall(string.format, "%.3p", t))
