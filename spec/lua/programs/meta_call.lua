-- __call: callable tables with extra args, chained __call, callable as iterator and in pcall
local callable = setmetatable({n = 0}, {__call = function(self, a, b)
  self.n = self.n + 1
  return a + b, self.n
end})
print(callable(1, 2))
print(callable(10, 20))
local fnlike = setmetatable({}, {__call = function(self, ...) return select('#', ...), ... end})
print(fnlike(), fnlike(nil, nil), fnlike("a"))
print(pcall(callable, 3, 4))
local it = setmetatable({i = 0}, {__call = function(self)
  self.i = self.i + 1
  if self.i <= 3 then return self.i end
end})
for v in it do io.write(v, " ") end
print()
local memo = setmetatable({}, {__call = function(self, n)
  if self[n] then return self[n] end
  local v = n < 2 and n or self(n - 1) + self(n - 2)
  self[n] = v
  return v
end})
print(memo(80))
print(pcall(function() local t = {}; t() end))
print(pcall(function() local t = setmetatable({}, {__call = 5}); t() end))
print(select('#', table.unpack({callable(1, 1)})))
local obj = {method = callable}
print(obj:method(1))
