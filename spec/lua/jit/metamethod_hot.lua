-- metamethods (__add, __index function, __newindex, __call, __len, __eq, __lt) in hot loops
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({v = a.v + b.v}, V) end
V.__eq = function(a, b) return a.v == b.v end
V.__lt = function(a, b) return a.v < b.v end
V.__call = function(self, x) return self.v * x end
V.__len = function(self) return self.v end
local acc = setmetatable({v = 0}, V)
local one = setmetatable({v = 1}, V)
local lt, eq, calls, lens = 0, 0, 0, 0
for i = 1, 300 do
  acc = acc + one
  if acc < setmetatable({v = 150}, V) then lt = lt + 1 end
  if acc == setmetatable({v = 200}, V) then eq = eq + 1 end
  calls = calls + acc(2)
  lens = lens + #acc
end
print(acc.v, lt, eq, calls, lens)
local reads = 0
local proxy = setmetatable({}, {__index = function(t, k) reads = reads + 1; return k * 2 end})
local ps = 0
for i = 1, 400 do ps = ps + proxy[i % 10] end
print(ps, reads)
local writes = {}
local wp = setmetatable({}, {__newindex = function(t, k, v) writes[#writes + 1] = v end})
for i = 1, 250 do wp[i % 5] = i end
print(#writes, writes[250], rawget(wp, 1))
local concat = setmetatable({}, {__concat = function(a, b) return "C" end})
local cs = ""
for i = 1, 100 do cs = (concat .. "x") .. cs:sub(1, 5) end
print(cs)
