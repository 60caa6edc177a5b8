return "inner:" .. select(1, ...) .. ":" .. select(2, ...)
