do
  local t = setmetatable({}, {__gc = function(o) print("collected", o.name) end})
  t.name = "first"
end
collectgarbage()
collectgarbage()
local keep = setmetatable({name = "kept"}, {__gc = function(o) print("collected at exit", o.name) end})
print("end of script")
