local function three() return 1, 2, 3 end
local t = {three(), three()}
print(#t, t[1], t[4], t[5])
t = {three(), (three())}
print(#t)
print(three(), three())
print((three()))
local a, b, c, d = three()
print(a, b, c, d)
local x, y = 1
print(x, y)
local function none() end
print(none(), 1, none())
print({none()}[1] == nil, #{none(), none()})
