M_NIL_RAN = (M_NIL_RAN or 0) + 1
