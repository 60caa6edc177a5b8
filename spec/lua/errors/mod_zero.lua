local function m(a, b) return a % b end print(m(5, 0))
