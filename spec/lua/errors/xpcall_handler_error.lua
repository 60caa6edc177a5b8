print(xpcall(error, function(m) error("again") end))
print(xpcall(function() error("x") end, function(m) return nil end))
print(xpcall(function() error("x") end, function(m) local y = m .. nil end))
