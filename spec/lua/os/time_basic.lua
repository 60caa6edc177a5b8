local t = os.time()
print(math.type(t), t > 1600000000)
-- differences do not depend on the time zone (dates away from DST changes)
local a = os.time({year = 2020, month = 1, day = 15, hour = 12})
local b = os.time({year = 2020, month = 1, day = 16, hour = 12})
print(b - a)
print(os.time({year = 2020, month = 1, day = 15}) - a)  -- hour defaults to 12
print(os.time({year = 2020, month = 1, day = 15, hour = 0, min = 0, sec = 0}) - a)
print(os.time({year = 2020, month = 1, day = 15, hour = 12, min = 1, sec = 30}) - a)
-- os.time of os.date("*t") round-trips
for _, x in ipairs({0, 1000000000, 1234567890, 1700000000}) do
  print(os.time(os.date("*t", x)) == x)
end
print(os.time(nil) >= t)
