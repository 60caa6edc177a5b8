x = [[
abc

