-- literal text, %%, several arguments, extra arguments ignored
print(string.format("100%% sure"), string.format("%%d"), string.format(""), string.format("plain"))
print(string.format("%s=%d", "x", 1, "extra", {}))
print(string.format("%3$s", "a"))
