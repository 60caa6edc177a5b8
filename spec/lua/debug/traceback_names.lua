local t = {}
function t.field() print(debug.traceback("F", 1)) end
function t:meth() t.field() end
function glob() t:meth() end
local function loc() glob() end
local mt = { __add = function() loc() return 0 end }
local o = setmetatable({}, mt)
local function iter() local _ = o + 1 end
for _ in function(s, c) if not c then iter() return 1 end end do end
