-- an error raised inside a traced while loop has the interpreter's message and line
local function run(limit)
  local i, s = 0, 0
  while i < 2000 do
    i = i + 1
    if i == limit then s = s + nil end
    s = s + i
  end
  return s
end
print(run(-1))
print(pcall(run, 1500))
local k = 0
repeat
  k = k + 1
  if k == 999 then
    local ok, err = pcall(function() return k < "x" end)
    print(ok, err)
  end
until k >= 1200
print(k)
local j = 0
while true do
  j = j + 1
  if j > 1000 then error("stop at " .. j) end
end
