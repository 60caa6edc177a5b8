local t = { a "x
}
