return { init = true, name = ..., file = select(2, ...) }
