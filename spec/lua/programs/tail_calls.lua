-- proper tail calls: 100000 deep without stack growth, mutual recursion, tail call via method
local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + 1)
end
print(count(100000, 0))
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(100001), odd(100001))
local obj = {n = 0}
function obj:step(k)
  if k == 0 then return self.n end
  self.n = self.n + 1
  return self:step(k - 1)
end
print(obj:step(150000))
local function multi(n) if n == 0 then return 1, 2, 3 end return multi(n - 1) end
print(multi(100000))
local function viapcall(n) if n == 0 then return "done" end return viapcall(n - 1) end
print(pcall(viapcall, 200000))
local function varg(n, ...) if n == 0 then return select('#', ...) end return varg(n - 1, ...) end
print(varg(100000, 1, 2, 3))
