for i = 1, 3 do io_write = i end
local s = ""
for i = 1, 5 do s = s .. i .. " " end print(s)
s = "" for i = 5, 1, -2 do s = s .. i .. " " end print(s)
s = "" for i = 1, 2, 0.5 do s = s .. i .. " " end print(s)
s = "" for i = 1.0, 3 do s = s .. i .. " " end print(s)
s = "" for i = 1, 0 do s = s .. i end print("[" .. s .. "]")
s = "" for i = 9223372036854775805, 9223372036854775807 do s = s .. i .. " " end print(s)
s = "" for i = -9223372036854775806, -9223372036854775808, -1 do s = s .. i .. " " end print(s)
s = "" for i = 1, 3.7 do s = s .. i .. " " end print(s)
s = "" for i = 3, 1.2, -1 do s = s .. i .. " " end print(s)
s = "" for i = 1, 1/0, 1 << 62 do s = s .. i .. " " end print(s)
s = "" for i = 0.1, 0.35, 0.1 do s = s .. i .. " " end print(s)
for i = 1, 3 do local j = i; i = i * 10; s = j end print(s)
