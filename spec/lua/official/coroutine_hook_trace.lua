-- a hook set on a coroutine traces only that coroutine: call, line and return events
local co = coroutine.create(function ()
  coroutine.yield(10)
  return 20;
end)
local trace = {}
local function dotrace (event)
  trace[#trace + 1] = event
end
debug.sethook(co, dotrace, "clr")
repeat until not coroutine.resume(co)
print(table.concat(trace, " "))
print(debug.gethook(co) == dotrace, debug.gethook())
