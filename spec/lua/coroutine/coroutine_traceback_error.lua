local co = coroutine.create(function() local x = {} ; return x.a.b end)
local ok, e = coroutine.resume(co)
print(ok, e)
error(e, 0)
