x = 1 [[
hello]] 2
