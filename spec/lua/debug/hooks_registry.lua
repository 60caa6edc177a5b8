print(debug.getregistry()._HOOKKEY)
debug.sethook(function() end, "", 0)
local hk = debug.getregistry()._HOOKKEY
print(type(hk), getmetatable(hk).__mode)
local co = coroutine.create(function() end)
local function h() end
debug.sethook(co, h, "l")
print(hk[co] == h)
debug.sethook(co)
print(hk[co])
