-- call, return and tail call events, with the hooked function seen at level 2
local log = {}
local function hook (e)
  local info = debug.getinfo(2, "nSr")
  log[#log + 1] = string.format("%s %s %s %d %d", e, tostring(info.name), info.what,
                                info.ftransfer, info.ntransfer)
end
local function leaf (a, b) return a + b, a - b end
local function mid (x) return leaf(x, 1) end
local function top (...) local r = { mid(...) }; return #r end
debug.sethook(hook, "cr")
top(5, 6)
math.max(1, 2)
debug.sethook()
for _, l in ipairs(log) do print(l) end

-- locals are visible in a return hook; results are at ftransfer
local seen
debug.sethook(function (e)
  local info = debug.getinfo(2, "nr")
  if info.name == "f" then
    local t = {}
    for i = 1, 10 do
      local n, v = debug.getlocal(2, i)
      if not n then break end
      t[#t + 1] = n .. "=" .. (type(v) == "table" and "table" or tostring(v))
    end
    local r = {}
    for i = info.ftransfer, info.ftransfer + info.ntransfer - 1 do
      r[#r + 1] = tostring(select(2, debug.getlocal(2, i)))
    end
    seen = table.concat(t, " ") .. " | " .. table.concat(r, " ")
  end
end, "r")
local function f (a, b, ...)
  local c = a * b
  return c, "x", ...
end
f(3, 4, "v1", "v2")
debug.sethook()
print(seen)

-- events while a coroutine runs its own hook
local co = coroutine.create(function (a)
  local b = coroutine.yield(a + 1)
  return b * 2
end)
local ev = {}
debug.sethook(co, function (e, l) ev[#ev + 1] = e .. (l and (":" .. l) or "") end, "crl")
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 10))
print(table.concat(ev, " "))
print(debug.gethook())
