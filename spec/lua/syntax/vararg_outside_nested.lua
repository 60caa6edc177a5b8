local function g(...)
  return function() return ... end
end
