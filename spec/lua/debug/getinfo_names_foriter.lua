local function iter(s, c)
  if c < 2 then
    local i = debug.getinfo(1, "n")
    print(i.name, i.namewhat)
    return c + 1
  end
end
for k in iter, nil, 0 do end
