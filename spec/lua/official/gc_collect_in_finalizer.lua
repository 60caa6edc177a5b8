-- inside a finalizer the collector is stopped: every collectgarbage option answers fail (nil)
local res = {}
setmetatable({}, {__gc = function ()
  res.collect = collectgarbage()
  res.count = collectgarbage("count")
  res.step = collectgarbage("step")
  res.isrunning = collectgarbage("isrunning")
  res.inc = collectgarbage("incremental")
  res.gen = collectgarbage("generational")
  res.pause = collectgarbage("setpause", 100)
  res.ok = pcall(collectgarbage, "step", "x")
end})
collectgarbage()
for _, k in ipairs{"collect", "count", "step", "isrunning", "inc", "gen", "pause", "ok"} do
  print(k, res[k])
end
print(collectgarbage("isrunning"), type(collectgarbage("count")))
print(collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("generational"))
