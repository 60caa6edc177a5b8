-- dumped functions that use the string library and metamethods after loading
local function worker(s)
  local words = {}
  for w in s:gmatch("%a+") do words[#words + 1] = w:upper() end
  return table.concat(words, "-"), #words, ("10" + 5) .. "", s:gsub("o", "0")
end
local copy = load(string.dump(worker))
print(copy("hello world of lua"))
print(worker("hello world of lua"))
local co = coroutine.wrap(load(string.dump(function(n)
  for i = 1, n do coroutine.yield(i * 10) end
  return "done"
end)))
print(co(3), co(), co(), co())
