-- if/elseif/else, while, repeat with upvalue in until, break
local function classify(n)
  if n < 0 then return "neg"
  elseif n == 0 then return "zero"
  elseif n < 10 then return "small"
  else return "big" end
end
print(classify(-1), classify(0), classify(5), classify(50))
local i, sum = 0, 0
while i < 10 do
  i = i + 1
  if i % 2 == 0 then sum = sum + i end
  if i > 8 then break end
end
print(i, sum)
local fs = {}
local n = 0
repeat
  local k = n
  fs[#fs + 1] = function () return k end
  n = n + 1
until k >= 3
print(#fs, fs[1](), fs[4]())
repeat local q = n; n = n - 1 until q < 2
print(n)
while true do
  n = n + 1
  if n > 5 then break end
end
print(n)
