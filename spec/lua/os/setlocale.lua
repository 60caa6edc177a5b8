print(os.setlocale())
print(os.setlocale("C"))
print(os.setlocale("POSIX"))
print(os.setlocale(nil, "numeric"))
print(os.setlocale("no_such_locale_x"))
print(os.setlocale("no_such_locale_x", "time"))
print(os.setlocale("C", "numeric"))
for _, c in ipairs({"all", "collate", "ctype", "monetary", "numeric", "time"}) do
  print(c, os.setlocale(nil, c))
end
print(pcall(os.setlocale, nil, "foo"))
print(pcall(os.setlocale, {}))
print(string.format("%.3f", 1.5), 1.5)
