-- an uncaught argument error ends the script with status 1
print("before")
local s = ("abc"):sub(2)
print(s)
local x = string.rep(s, {})
print("not reached")
