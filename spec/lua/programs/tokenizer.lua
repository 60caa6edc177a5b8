-- classic: a string tokenizer for a small expression language plus a recursive-descent evaluator
local function tokenize(src)
  local toks, i = {}, 1
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then
      local num = src:match("^%d+%.?%d*", i)
      toks[#toks + 1] = {"num", tonumber(num)}; i = i + #num
    elseif c:match("[%a_]") then
      local id = src:match("^[%w_]+", i)
      toks[#toks + 1] = {"id", id}; i = i + #id
    elseif src:sub(i, i + 1) == "**" then toks[#toks + 1] = {"op", "**"}; i = i + 2
    elseif c:match("[%+%-%*/%(%)%%,]") then toks[#toks + 1] = {"op", c}; i = i + 1
    else error(string.format("unexpected character %q at %d", c, i), 0) end
  end
  return toks
end
local function show(toks)
  local out = {}
  for k, t in ipairs(toks) do out[k] = t[1] .. ":" .. tostring(t[2]) end
  return table.concat(out, " ")
end
local env = {x = 3, y = 4, pi = 3.5}
local funcs = {max = math.max, min = math.min}
local function eval(src)
  local toks, pos = tokenize(src), 1
  local function peek() return toks[pos] and toks[pos][2] end
  local function take() pos = pos + 1; return toks[pos - 1] end
  local expr
  local function atom()
    local t = take()
    if not t then error("unexpected end", 0) end
    if t[1] == "num" then return t[2] end
    if t[1] == "id" then
      if peek() == "(" then
        take()
        local args = {expr()}
        while peek() == "," do take(); args[#args + 1] = expr() end
        take()
        return funcs[t[2]](table.unpack(args))
      end
      return env[t[2]] or error("unknown variable " .. t[2], 0)
    end
    if t[2] == "(" then local v = expr(); take(); return v end
    if t[2] == "-" then return -atom() end
    error("unexpected " .. tostring(t[2]), 0)
  end
  local function power() local b = atom(); if peek() == "**" then take(); return b ^ power() end return b end
  local function term()
    local v = power()
    while peek() == "*" or peek() == "/" or peek() == "%" do
      local op = take()[2]; local r = power()
      if op == "*" then v = v * r elseif op == "/" then v = v / r else v = v % r end
    end
    return v
  end
  function expr()
    local v = term()
    while peek() == "+" or peek() == "-" do
      local op = take()[2]; local r = term()
      v = op == "+" and v + r or v - r
    end
    return v
  end
  return expr()
end
print(show(tokenize("max(x, 10) + 2.5 * (y - 1) ** 2")))
for _, src in ipairs({"1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "x * y - pi", "10 / 4", "7 % 3 + -x",
                      "max(1, x, y) * min(2, 8)", "1 +", "z + 1", "3 $ 4"}) do
  print(src, pcall(eval, src))
end
