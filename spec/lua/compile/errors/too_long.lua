-- a numeric for whose body is too long for FORPREP/FORLOOP (Bx offset)
local src = "local a; for i = 1, 1 do " .. string.rep("a = i; ", 140000) .. "end"
print(load(src, "=big"))
