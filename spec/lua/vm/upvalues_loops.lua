local fs = {}
for _, v in ipairs({"a", "b", "c"}) do fs[#fs + 1] = function() return v end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
local k = 0
repeat local kk = k gs[#gs + 1] = function() kk = kk + 1 return kk end k = k + 1 until k == 2
print(gs[1](), gs[1](), gs[2]())
