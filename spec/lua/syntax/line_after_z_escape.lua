x = "a\z

   b" = 1
