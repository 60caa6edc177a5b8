local p = print
p(math.sin(0), math.sin(math.pi / 2), math.sin(1), math.sin(-1))
p(math.cos(0), math.cos(math.pi), math.cos(1), math.cos(0.5))
p(math.tan(0), math.tan(1), math.tan(-0.5))
p(math.asin(0), math.asin(1), math.asin(0.5), math.acos(1), math.acos(0), math.acos(-1))
p(math.atan(1), math.atan(0), math.atan(1, 1), math.atan(1, -1), math.atan(-1, -1))
p(math.atan(0, -1), math.atan(-0.0, -1), math.atan(1, 0), math.atan(math.huge))
p(math.atan2(1, 2), math.atan(1, 2), math.atan(3, nil))
print(math.sin(0), math.cos(0), math.type(math.sin(0)), math.sin(-0.0))
