print(#"hello", #"", #"\0\0", "a\tb", "q\"q", 'it\'s', "\65\066\x43\u{48}")
print("line1\nline2")
print([[long
string]], [==[with ]] inside]==])
print("\z
      continued", "a\
b")
