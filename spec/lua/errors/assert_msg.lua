assert(false, "my assertion")
