-- if/elseif/else, while, repeat with a local visible in until, nested break
local function classify(n)
  if n < 0 then return "neg"
  elseif n == 0 then return "zero"
  elseif n < 10 then return "small"
  else return "big" end
end
for _, v in ipairs({-5, 0, 3, 10, 100}) do io.write(classify(v), " ") end
print()
local i, acc = 0, {}
while i < 5 do
  i = i + 1
  if i % 2 == 0 then acc[#acc + 1] = i end
end
print(i, table.concat(acc, ","))
local n = 0
repeat
  local sq = n * n
  n = n + 1
until sq > 50
print(n)
local x = 10
repeat local x = x - 1; io.write(x, " ") until x < 100
print()
local found
for a = 1, 10 do
  for b = 1, 10 do
    if a * b == 42 then found = a .. "x" .. b; break end
  end
  if found then break end
end
print(found)
local count = 0
while true do
  count = count + 1
  repeat
    count = count + 10
    if count > 100 then break end
  until false
  if count > 200 then break end
end
print(count)
if nil then print("no") elseif false then print("no") else print("else") end
if 0 then print("0 is true") end
if "" then print("empty string is true") end
