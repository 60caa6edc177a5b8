-- traversing a linked list in a hot while loop until a nil next field; list built and reversed
local head
for i = 1, 500 do head = {v = i, next = head} end
local n, s = 0, 0
local node = head
while node do n = n + 1; s = s + node.v; node = node.next end
print(n, s, head.v)
local prev = nil
node = head
while node do
  local nxt = node.next
  node.next = prev
  prev = node
  node = nxt
end
head = prev
local firsts = {}
node = head
for i = 1, 5 do firsts[i] = node.v; node = node.next end
print(table.concat(firsts, " "))
local ok, err = pcall(function()
  local p = head
  for i = 1, 600 do p = p.next end
end)
print(ok, err)
