-- a queue/deque implemented with head/tail indices, pushed and popped in hot loops (BFS on a grid)
local Q = {first = 1, last = 0, items = {}}
local function push(v) Q.last = Q.last + 1; Q.items[Q.last] = v end
local function pop() local v = Q.items[Q.first]; Q.items[Q.first] = nil; Q.first = Q.first + 1; return v end
local W, H = 19, 15
local wall = {}
for y = 1, H do for x = 1, W do wall[y * 100 + x] = (x % 4 == 0 and y ~= (x * 3) % H + 1) end end
local dist = {[101] = 0}
push(101)
local visited = 0
while Q.first <= Q.last do
  local cur = pop()
  visited = visited + 1
  local x, y = cur % 100, cur // 100
  for _, d in ipairs({{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) do
    local nx, ny = x + d[1], y + d[2]
    local key = ny * 100 + nx
    if nx >= 1 and nx <= W and ny >= 1 and ny <= H and not wall[key] and dist[key] == nil then
      dist[key] = dist[cur] + 1
      push(key)
    end
  end
end
print(visited, dist[H * 100 + W], dist[100 + W], Q.first, Q.last)
