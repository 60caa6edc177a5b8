-- count hooks: every N instructions; gethook reports the mask and count
local n = 0
debug.sethook(function (e) n = n + 1; assert(e == "count") end, "", 1)
for i = 1, 100 do end
debug.sethook()
print(n > 100 and n < 110)
debug.sethook(function () n = n + 1 end, "", 10)
n = 0
for i = 1, 1000 do end
local f, m, c = debug.gethook()
debug.sethook()
print(n >= 200 and n <= 205, m, c)
debug.sethook(print, "", 2^24 - 1)
print(select(3, debug.gethook()))
debug.sethook()
print(debug.gethook())
-- a hook whose function is a host function
debug.sethook(print, "l")
local x = 1
debug.sethook()
