do
  goto inside
  local v = 10
  ::inside::
  print(v)
end
