-- %q output loads back to the same value for every byte and many numbers
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
local q = string.format("%q", s)
print(#q, load("return " .. q)() == s)
local nums = {0, -0.0, 1, -1, 0.1, 1/3, 1e308, 5e-324, 2^53, 2^63, math.maxinteger, math.mininteger, 1/0, -1/0}
for _, n in ipairs(nums) do
  local back = load("return " .. string.format("%q", n))()
  print(string.format("%q", n), back == n, math.type(back) == math.type(n))
end
local nan = load("return " .. string.format("%q", 0/0))()
print(nan ~= nan)
