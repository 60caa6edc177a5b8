local function e(...) print(select(2, pcall(...))) end
for _, name in ipairs{"sin", "cos", "tan", "asin", "acos", "atan", "exp", "sqrt", "log", "deg", "rad", "floor", "ceil", "modf", "abs"} do
  e(math[name], {})
end
e(math.sin)
e(math.atan, 1, {})
e(math.log, nil)
