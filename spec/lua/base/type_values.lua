print(type(nil), type(1), type(1.5), type("s"), type({}), type(print), type(function() end))
print(type(coroutine.create(print)), type(true))
