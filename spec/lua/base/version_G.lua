print(_VERSION, _G._G == _G, _G.print == print, _ENV == _G)
x = 1
print(_G.x)
