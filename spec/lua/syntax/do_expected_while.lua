while x print(1) end
