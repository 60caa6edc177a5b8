-- full-precision results (mantissa bits via frexp) of the elementary functions: lua5.4's
-- libm is correctly rounded at all of these arguments, so lunet must give the same bits
local function bits(v)
  local m, e = math.frexp(v)
  return math.tointeger(m * 2^53) .. "p" .. e
end
local seed = 4242
local function rnd() seed = (seed * 6364136223846793005 + 1442695040888963407) return (seed >> 11) * 2^-53 end
local function run(name, f, lo, hi)
  local out = {}
  for i = 1, 12 do
    local x = lo + (hi - lo) * rnd()
    out[#out + 1] = bits(f(x))
  end
  print(name, table.concat(out, " "))
end
run("exp", math.exp, -700, 700)
run("exp1", math.exp, -1, 1)
run("log", math.log, 1e-300, 1e300)
run("log1", math.log, 0.5, 2)
run("log2", function(x) return math.log(x, 2) end, 1e-10, 1e10)
run("logb", function(x) return math.log(x, 3) end, 1, 1e6)
run("sin", math.sin, -1e4, 1e4)
run("sin1", math.sin, -2, 2)
run("cos", math.cos, -1e4, 1e4)
run("cos1", math.cos, -2, 2)
run("tan", math.tan, -10, 10)
run("asin", math.asin, -1, 1)
run("acos", math.acos, -1, 1)
run("atan", math.atan, -50, 50)
run("atan2", function(x) return math.atan(x, -3.5) end, -10, 10)
run("pow", function(x) return math.pow(x, 7.25) end, 0.1, 20)
run("powop", function(x) return math.pow(1.5, x) end, -100, 100)
run("sinh", math.sinh, -30, 30)
run("cosh", math.cosh, -30, 30)
run("tanh", math.tanh, -5, 5)
run("sqrt", math.sqrt, 0, 1e10)
print(bits(math.exp(1)), bits(math.log(10)), bits(math.sin(1)), bits(math.cos(1)), bits(math.pi))
