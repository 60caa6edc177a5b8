-- classic: n-queens by backtracking; counts solutions for n = 1..8 and prints the first for 6
local function queens(n)
  local cols, d1, d2, board = {}, {}, {}, {}
  local count, first = 0, nil
  local function place(r)
    if r > n then
      count = count + 1
      if not first then first = table.concat(board, " ") end
      return
    end
    for c = 1, n do
      if not cols[c] and not d1[r + c] and not d2[r - c + n] then
        cols[c], d1[r + c], d2[r - c + n] = true, true, true
        board[r] = c
        place(r + 1)
        cols[c], d1[r + c], d2[r - c + n] = false, false, false
      end
    end
  end
  place(1)
  return count, first
end
for n = 1, 8 do print(n, queens(n)) end
