-- a to-be-closed value whose __close went away after the declaration: closing it calls nil
local function foo ()
  local xyz <close> = setmetatable({}, {__close = print})
  getmetatable(xyz).__close = nil
end
local ok, msg = pcall(foo)
print(ok, msg)
-- the same when leaving a block, and when an error unwinds
local function bar ()
  do
    local v <close> = setmetatable({}, {__close = print})
    getmetatable(v).__close = nil
  end
  return 1
end
print(pcall(bar))
local function baz ()
  local w <close> = setmetatable({}, {__close = print})
  getmetatable(w).__close = nil
  error("boom")
end
print(pcall(baz))
-- a value that never had one is refused at the declaration
print(pcall(function () local x <close> = {} end))
