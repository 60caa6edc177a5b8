// The generated input of the parse benchmarks (bench/parse.mjs, bench/parse-ast.mjs): Lua
// source of about `size` bytes.
export function generate(size) {
  // A mix of the constructs real programs use: functions, tables, loops, calls, strings.
  const parts = [];
  let n = 0, i = 0;
  while (n < size) {
    // Each function in its own block: a chunk may declare at most 200 locals.
    const s = `do local function f${i}(a, b, ...)
  local t = { x = a, y = b, [1] = "str\\n${i}", 0x${(i % 4096).toString(16)}, 3.25e-1 }
  for k = 1, #t do
    if t[k] ~= nil and a.b.c:m(k, "s") or not b then
      t[k] = (a + b * 2 ^ k - k // 3) .. 'x' -- comment ${i}
    elseif k % 2 == 0 then break end
  end
  while a < b do a = a + 1 end
  return select('#', ...), function(x) return x * x end
end end
`;
    parts.push(s); n += s.length; i++;
  }
  return parts.join('');
}
