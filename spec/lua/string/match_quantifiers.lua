-- *, +, - and ? with single chars, classes and sets
print(("aaab"):match("a*"), ("aaab"):match("a+b"), ("aaab"):match("a-b"), ("aaab"):match("a-"))
print(("ab"):match("a?b"), ("b"):match("a?b"), ("aab"):match("a?b"), ("xyz"):match("x?y?z?w?"))
print(("<a><b>"):match("<.*>"), ("<a><b>"):match("<.->"), ("<a><b>"):match("<(.-)>$"))
print(("123abc"):match("%d*%a*"), ("   x"):match("%s*()"), (""):match("a*") == "")
print(("aaa"):match("^(a-)a$"), ("aaa"):match("^(a*)a$"), ("ba"):match("[ab]-a"))
print(string.rep("a", 10000):match("a*b"), #string.rep("a", 10000):match(".-$"))
print(("x*"):match("x%*"), ("x+?"):match("%+%?"), ("a.b"):match("a.b"), ("a\nb"):match("a.b") == "a\nb")
