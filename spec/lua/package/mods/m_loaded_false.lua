package.loaded[...] = false
