local lim
for i = 1, lim do end
