-- classic: a tiny class system with inheritance, super calls, tostring, and isinstance
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.super = parent
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  c.__tostring = function(o) return o:describe() end
  return c
end
local function isinstance(o, c)
  local m = getmetatable(o)
  while m do if m == c then return true end m = m.super end
  return false
end
local Animal = class()
function Animal:init(name, sound) self.name = name; self.sound = sound or "..." end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:describe() return "Animal(" .. self.name .. ")" end
local Dog = class(Animal)
function Dog:init(name, breed) Dog.super.init(self, name, "woof"); self.breed = breed end
function Dog:describe() return "Dog(" .. self.name .. ", " .. self.breed .. ")" end
local Puppy = class(Dog)
function Puppy:speak() return Dog.speak(self) .. " (squeaky)" end
local a, d, p = Animal.new("generic"), Dog.new("rex", "lab"), Puppy.new("bit", "pug")
print(a:speak()); print(d:speak()); print(p:speak())
print(tostring(a), tostring(d), tostring(p))
print(isinstance(p, Animal), isinstance(p, Dog), isinstance(d, Puppy), isinstance(a, Dog))
print(rawget(p, "speak"), p.breed, p.sound)
local Counter = class()
Counter.count = 0
function Counter:init() Counter.count = Counter.count + 1; self.id = Counter.count end
function Counter:describe() return "#" .. self.id end
local cs = {}
for i = 1, 5 do cs[i] = Counter.new() end
print(Counter.count, tostring(cs[3]), cs[5].count)
print(pcall(function() return a:fly() end))
