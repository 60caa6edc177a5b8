-- Threads collected in every state a coroutine can be left in (dead by error, suspended
-- inside pcall with a pending to-be-closed variable, with a hook, deep in calls), then new
-- coroutines made after a collection: each must start as new (status, hooks, yieldability,
-- no pending close, a fresh error state).
local function leave(kind)
  if kind == 1 then
    local co = coroutine.create(function() error("boom") end)
    assert(not coroutine.resume(co))
  elseif kind == 2 then
    local co = coroutine.create(function()
      local x <close> = setmetatable({}, { __close = function() end })
      pcall(function() coroutine.yield(1) end)
    end)
    coroutine.resume(co)
  elseif kind == 3 then
    local co = coroutine.create(function() coroutine.yield() end)
    debug.sethook(co, function() end, "l")
    coroutine.resume(co)
  elseif kind == 4 then
    local function deep(n) if n == 0 then coroutine.yield(n) else return deep(n - 1) + 1 end end
    local co = coroutine.wrap(function() deep(100) end)
    co()
  else
    local co = coroutine.create(function() local t = {} ; coroutine.yield(t) end)
    coroutine.resume(co)
    coroutine.close(co)
  end
end

local results = {}
for round = 1, 4 do
  for i = 1, 200 do leave(i % 5 + 1) end
  collectgarbage()
  collectgarbage()
  local lines = {}
  for i = 1, 50 do
    local co = coroutine.create(function(a, ...)
      local n = select('#', ...)
      local hook = debug.gethook()
      local y = coroutine.yield(a + n, coroutine.isyieldable(), hook == nil)
      local ok, e = pcall(error, "inner " .. y)
      return ok, e, coroutine.running() ~= nil
    end)
    local h = debug.gethook(co)
    local ok1, s, yy, nohook = coroutine.resume(co, i, 1, 2)
    local st = coroutine.status(co)
    local ok2, pok, perr, run = coroutine.resume(co, i * 2)
    lines[#lines + 1] = table.concat({ tostring(ok1), s, tostring(yy), tostring(nohook), tostring(h),
      st, tostring(ok2), tostring(pok), perr, tostring(run), coroutine.status(co) }, ",")
  end
  results[round] = table.concat(lines, ";")
end
print(results[1] == results[2], results[2] == results[3], results[3] == results[4])
print(results[1]:sub(1, 120))
local co = coroutine.wrap(function() error({ code = 7 }) end)
local ok, e = pcall(co)
print(ok, type(e), e.code)
print(coroutine.resume(coroutine.create(function() return coroutine.status(coroutine.running()) end)))
