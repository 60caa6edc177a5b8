-- equal long strings written in one chunk are one string object (the compiler reuses the
-- constant across the chunk's functions); a string built at run time is another object
local function getadd (s) return string.format("%p", s) end
local s1 <const> = "01234567890123456789012345678901234567890123456789"
local s2 <const> = "01234567890123456789012345678901234567890123456789"
local s3 = "01234567890123456789012345678901234567890123456789"
local function foo () return s1 end
local function foo1 () return s3 end
local function foo2 ()
  return "01234567890123456789012345678901234567890123456789"
end
local a1 = getadd(s1)
print(a1 == getadd(s2), a1 == getadd(foo()), a1 == getadd(foo1()), a1 == getadd(foo2()))
local sd = "0123456789" .. "0123456789012345678901234567890123456789"
print(sd == s1, getadd(sd) ~= a1)
-- a separately loaded chunk has its own copy
local other = load('return "01234567890123456789012345678901234567890123456789"')()
print(other == s1, getadd(other) ~= a1)
