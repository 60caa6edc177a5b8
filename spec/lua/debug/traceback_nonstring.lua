local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(nil))
print(debug.traceback(12))
print(debug.traceback(1.5, 1) ~= nil)
print(debug.traceback(true))
print(debug.traceback(print) == print)
print((debug.traceback(nil, 1)))
