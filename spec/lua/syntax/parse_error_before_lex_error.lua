x = = "abc
