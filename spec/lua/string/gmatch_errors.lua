-- pattern errors in gmatch appear when the iterator runs, at the loop's line
local it = string.gmatch("abc", "%")
print("made iterator")
print(pcall(it))
print(pcall(function()
  for x in ("abc"):gmatch("(") do print(x) end
end))
print(pcall(function()
  for x in ("abc"):gmatch("[a") do print(x) end
end))
for x in ("abc"):gmatch("%1") do print(x) end
