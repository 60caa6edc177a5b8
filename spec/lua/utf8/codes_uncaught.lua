for p, c in utf8.codes("x\xf8") do print(p, c) end
