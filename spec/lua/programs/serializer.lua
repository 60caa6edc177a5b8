-- classic: JSON-like serializer with sorted keys, escaping, arrays vs objects, cycle detection
local function serialize(v, seen)
  seen = seen or {}
  local t = type(v)
  if t == "nil" then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("cannot serialize " .. tostring(v)) end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c)
      local map = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t'}
      return map[c] or string.format("\\u%04x", c:byte())
    end) .. '"'
  elseif t == "table" then
    if seen[v] then error("cycle detected") end
    seen[v] = true
    local out = {}
    if #v > 0 then
      for i = 1, #v do out[i] = serialize(v[i], seen) end
      seen[v] = nil
      return "[" .. table.concat(out, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for i, k in ipairs(keys) do out[i] = serialize(k) .. ":" .. serialize(v[k] == nil and v[tonumber(k)] or v[k], seen) end
    seen[v] = nil
    return "{" .. table.concat(out, ",") .. "}"
  end
  error("cannot serialize a " .. t)
end
print(serialize({name = "lunet", version = 5.4, tags = {"lua", "jit"}, nested = {a = 1, b = {true, false}}, empty = {}}))
print(serialize('quote " backslash \\ newline \n tab \t bell \7'))
print(serialize({3, 2.5, -0.0, 1e100, 2^53, math.mininteger}))
print(serialize({[1] = "a", [2] = "b", x = "ignored in array mode"}))
local shared = {1}
print(serialize({shared, shared, {z = shared}}))
local cyc = {}
cyc.self = cyc
print(pcall(serialize, cyc))
print(pcall(serialize, {f = print}))
print(pcall(serialize, 0/0))
