-- __close metamethods may yield (when leaving a block, on return, and after an error)
local function func2close (f) return setmetatable({}, {__close = f}) end
local trace = {}
local co = coroutine.wrap(function ()
  trace[#trace + 1] = "nowX"
  local x <close> = func2close(function (_, msg)
    trace[#trace + 1] = "x1"
    coroutine.yield("x")
    trace[#trace + 1] = "x2"
  end)
  return pcall(function ()
    do
      local z <close> = func2close(function (_, msg)
        trace[#trace + 1] = "z1"
        coroutine.yield("z")
        trace[#trace + 1] = "z2"
      end)
    end
    trace[#trace + 1] = "nowY"
    local y <close> = func2close(function (_, msg)
      trace[#trace + 1] = "y1"
      coroutine.yield("y")
      trace[#trace + 1] = "y2"
    end)
    return 10, 20, 30
  end)
end)
print(co())
print(co())
print(co())
print(co())
print(table.concat(trace, " "))

local co2 = coroutine.wrap(function ()
  local function foo (err)
    local y <close> = func2close(function (_, msg)
      coroutine.yield("y", msg)
      if err then error(err + 20) end
    end)
    local x <close> = func2close(function (_, msg)
      coroutine.yield("x", msg)
    end)
    if err == 10 then error(err) else return 10, 20 end
  end
  coroutine.yield(pcall(foo, nil))
  return pcall(foo, 10)
end)
for i = 1, 5 do print(co2()) end
