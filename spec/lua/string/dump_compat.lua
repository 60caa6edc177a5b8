-- dumps of varied code are byte-identical to lua5.4's (length and checksum of the bytes)
local function sum(s)
  local h = 0
  for i = 1, #s do h = (h * 31 + s:byte(i)) % 4294967291 end
  return h
end
local function show(name, src)
  local f = assert(load(src, "=" .. name))
  local d, ds = string.dump(f), string.dump(f, true)
  print(name, #d, sum(d), #ds, sum(ds), load(d)() == load(ds)())
end
show("loop", "local s = 0 for i = 1, 10 do s = s + i end return s")
show("closures", "local t = {} for i = 1, 3 do t[i] = function() return i end end return t[2]()")
show("vararg", "local function f(...) local a, b = ... return select('#', ...) + (a or 0) end return f(1, 2, 3)")
show("strings", "local a = 'x' .. 'y' local b = [[long\nstring]] return #(a .. b)")
show("goto", "local i = 0 ::top:: i = i + 1 if i < 5 then goto top end return i")
show("tbc", "do local x <close> = nil end local c <const> = 10 return c * 2")
show("floats", "return 1.5 + 2^53 + -0.0 + 1e308 - 0x10 + 3 // 2 + 7 % 3")
local many = {}
for i = 1, 300 do many[#many + 1] = "local v" .. (i % 150) .. " = " .. i .. " + " .. (i * 1.5) end
show("manyconsts", table.concat(many, "\n") .. "\nreturn 1")
show("linejump", "local a = 1" .. string.rep("\n", 300) .. "a = a + 1" .. string.rep("\n", 5) .. "return a")
local long = {}
for i = 1, 200 do long[#long + 1] = "x = (x or 0) + " .. i end
show("longfunc", table.concat(long, "\n") .. "\nreturn x")
show("methods", "local o = {n = 1} function o:inc(k) self.n = self.n + k return self end return o:inc(2):inc(3).n")
show("nested", "local function a() local function b() return function() return 7 end end return b() end return a()()")
