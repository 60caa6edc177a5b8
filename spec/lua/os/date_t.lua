-- "!*t" fields and their types
local function show(t)
  local d = os.date("!*t", t)
  print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst,
        math.type(d.year), type(d.isdst))
end
show(0)
show(1234567890)
show(-1)
show(951782400)  -- 2000-02-29
show(4102444799)
show(-62135596800) -- year 1
-- "*t" in local time agrees with os.time
local now = os.time()
local lt = os.date("*t", now)
print(os.time(lt) == now, type(lt.isdst))
print(os.date("!*t", 0).zone, os.date("!*t\0junk", 0).year)
