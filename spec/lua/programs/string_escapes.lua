-- string literals: escapes, decimal/hex/unicode escapes, \z, long brackets of every level
local s = "a\tb\\c\"d\'e\n"
print(#s, s:byte(1, -1))
print("\65\066\0677", "\x41\x62", "\u{48}\u{49}", #"\u{7FF}", #"\u{FFFF}", #"\u{10FFFF}")
print(("\u{E9}"):byte(1, -1))
print("line1\
line2")
print("skip \z
       spaces", #"\z   ")
print('single "quoted"', "double 'quoted'", "\a\b\f\v\r" == "\7\8\12\11\13")
local nul = "a\0b"
print(#nul, nul:byte(2), nul == "a\0b", nul < "a\0c")
print([[long
string]], [==[with ]] inside]==], #[[
skipfirstnewline]])
print([=[
]=] == "", [[a\nb]], [==[]=]]==])
--[[ long comment
print("not printed")
]]
--[==[ another
]] still comment
]==]
print("after comments")
print(load([[return "\q"]]))
print(load([[return "\x4"]]))
print(load([[return "\300"]]))
print(load([[return "\u{110000000}"]]))
print(load("return 'abc"))
print(load("return [==[abc]=]"))
