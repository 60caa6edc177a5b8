-- classic: matrix multiply (integer and float), transpose, identity check, determinant by elimination
local function mat(n, m, f)
  local a = {}
  for i = 1, n do a[i] = {}; for j = 1, m do a[i][j] = f(i, j) end end
  return a
end
local function mul(a, b)
  local n, m, p = #a, #b, #b[1]
  return mat(n, p, function(i, j)
    local s = 0
    for k = 1, m do s = s + a[i][k] * b[k][j] end
    return s
  end)
end
local function show(a)
  for i = 1, #a do
    local row = {}
    for j = 1, #a[i] do row[j] = tostring(a[i][j]) end
    print(table.concat(row, " "))
  end
end
local A = mat(3, 4, function(i, j) return i + j end)
local B = mat(4, 2, function(i, j) return i * j - 3 end)
show(mul(A, B))
local I = mat(3, 3, function(i, j) return i == j and 1 or 0 end)
local C = mat(3, 3, function(i, j) return (i * 3 + j) % 5 + 0.5 end)
show(mul(C, I))
local T = mat(4, 3, function(i, j) return A[j][i] end)
show(T)
local function det(a)
  local n = #a
  local m = mat(n, n, function(i, j) return a[i][j] + 0.0 end)
  local d = 1.0
  for c = 1, n do
    local p = c
    for r = c + 1, n do if math.abs(m[r][c]) > math.abs(m[p][c]) then p = r end end
    if m[p][c] == 0 then return 0.0 end
    if p ~= c then m[p], m[c] = m[c], m[p]; d = -d end
    d = d * m[c][c]
    for r = c + 1, n do
      local f = m[r][c] / m[c][c]
      for k = c, n do m[r][k] = m[r][k] - f * m[c][k] end
    end
  end
  return d
end
print(string.format("%.10f %.10f %.10f", det(C), det(I), det(mat(3, 3, function(i, j) return i + j end))))
local big = mat(30, 30, function(i, j) return (i * j) % 7 end)
local sq = mul(big, big)
local tr = 0
for i = 1, 30 do tr = tr + sq[i][i] end
print(tr, sq[30][30], math.type(tr))
