::lbl
x = 1
