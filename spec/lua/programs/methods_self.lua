-- method definitions and calls with ':', self, dot vs colon mismatch errors
local Account = {balance = 0}
function Account.new(b) return setmetatable({balance = b}, {__index = Account}) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
function Account.static(x) return x * 2 end
local a = Account.new(100)
print(a:deposit(50):deposit(25):get(), a.get(a), Account.static(4))
local s = "hello"
print(s:upper(), ("x"):rep(3), s:sub(2, 3), #s:rep(2))
local obj = {name = "o", greet = function(self, g) return g .. ", " .. self.name end}
print(obj:greet("hi"), obj.greet({name = "other"}, "yo"))
local nested = {inner = {val = 3, get = function(self) return self.val end}}
print(nested.inner:get())
print(pcall(function() return a.deposit(5) end))
print(pcall(function() return a:nosuch() end))
print(pcall(function() local t = {} ; return t.x:y() end))
print(pcall(function() return obj.greet() end))
local mt = {}
mt.__index = mt
function mt:len() return #self.items end
local list = setmetatable({items = {1, 2, 3}}, mt)
print(list:len())
a:withdraw(10)
