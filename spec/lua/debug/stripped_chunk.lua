local prog = [[
local debug = require'debug'
local a = 12
print(debug.getlocal(1, 1) , select(2, debug.getlocal(1, 1)) == debug)
print(debug.getlocal(1, 2))
local f = function () local x; return a end
print(debug.getupvalue(f, 1))
print(debug.setupvalue(f, 1, 13))
local t = debug.getinfo(f)
print(t.name, t.linedefined > 0, t.lastlinedefined == t.linedefined, t.short_src, t.source)
print(debug.getinfo(1).currentline)
print(next(debug.getinfo(f, "L").activelines))
f = load(string.dump(f))
t = debug.getinfo(f)
print(t.name, t.linedefined > 0, t.lastlinedefined == t.linedefined, t.short_src)
print(pcall(error, "x"))
print(pcall(function() local z = nil; return z.x end))
print(debug.traceback("tb"))
return a
]]
local f = assert(load(string.dump(load(prog), true)))
print(f())
