-- sets: ranges, classes inside sets, negation, ']' and '-' as members
print(("hello123"):match("[a-z]+"), ("hello123"):match("[%d]+"), ("a-b"):match("[a%-]+"))
print(("x]y"):match("[]]"), ("x]y"):match("[^]]+"), ("a-z"):match("[a-]+"), ("--x"):match("[-x]+"))
print(("ABCdef"):match("[^%l]+"), ("ABCdef"):match("[^A-C]+"), ("tab\there"):match("[%s]"))
print(("hex: 0xFF"):match("0x([%x]+)"), ("a^b"):match("[%^]"), ("a^b"):match("[b^]+"))
print(("12ab"):match("[%a%d]+"), ("..;;"):match("[%p]+"), ("AbC"):match("[A-Z][a-z][A-Z]"))
print(("\200\201x"):match("[\200-\255]+") == "\200\201", ("z"):match("[z-a]"), ("b"):match("[a-c-e]"))
print(("-"):match("[a-c-e]"), ("d"):match("[a-c-e]"))
