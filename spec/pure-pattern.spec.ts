// Lua patterns against lua5.4: every expected value below was produced by running lua5.4
// (string.find / match / gmatch / gsub) on the same arguments.
import { strict as assert } from 'node:assert';
import { find, match, gsub, GMatch, type Capture } from '../stdlib/pure/pattern.js';
import { LuaRuntimeError } from '../lang/heap/errors.js';

function run(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof LuaRuntimeError) return { err: e.message };
    throw e;
  }
}

const FIND: [string, string, number | null, boolean, unknown, unknown][] = [
  ["hello world", "o w", null, false, [5, 7], ["o w"]],
  ["hello world", "o", 6, false, [8, 8], ["o"]],
  ["hello world", "l+", null, false, [3, 4], ["ll"]],
  ["hello world", "(l+)(o)", null, false, [3, 5, "ll", "o"], ["ll", "o"]],
  ["hello", "", null, false, [1, 0], [""]],
  ["hello", "", 10, false, null, null],
  ["hello", "", 6, false, [6, 5], [""]],
  ["hello", "", 7, false, null, null],
  ["hello", "", -2, false, [4, 3], [""]],
  ["hello", "l", -100, false, [3, 3], ["l"]],
  ["hello", "^h", null, false, [1, 1], ["h"]],
  ["hello", "^e", null, false, null, null],
  ["hello", "o$", null, false, [5, 5], ["o"]],
  ["hello", "l$", null, false, null, null],
  ["a$b", "$b", null, false, [2, 3], ["$b"]],
  ["a$b", "a$", null, false, null, null],
  ["  key = value  ", "(%w+)%s*=%s*(%w+)", null, false, [3, 13, "key", "value"], ["key", "value"]],
  ["THE (quick) fox", "%((%a+)%)", null, false, [5, 11, "quick"], ["quick"]],
  ["f(a(b)c)d", "%b()", null, false, [2, 8], ["(a(b)c)"]],
  ["[[x]]", "%b[]", null, false, [1, 5], ["[[x]]"]],
  ["THE (quick) fox", "%f[%a]%a+", 5, false, [6, 10], ["quick"]],
  ["hello world", "%f[%w]%w+$", null, false, [7, 11], ["world"]],
  ["abc123def", "%d+", null, false, [4, 6], ["123"]],
  ["abc123def", "%D+", 4, false, [7, 9], ["def"]],
  ["x = 0x1F;", "0[xX](%x+)", null, false, [5, 8, "1F"], ["1F"]],
  ["a.b.c", "%.", null, false, [2, 2], ["."]],
  ["a.b.c", ".", 1, true, [2, 2], ["a"]],
  ["a+b", "+", 1, true, [2, 2], ["+"]],
  ["a+b", "a+b", null, false, null, null],
  ["a+b", "a%+b", null, false, [1, 3], ["a+b"]],
  ["abc", "[a-c]+", null, false, [1, 3], ["abc"]],
  ["abc-", "[a%-]+", null, false, [1, 1], ["a"]],
  ["a]b", "[]]", null, false, [2, 2], ["]"]],
  ["a]b", "[^]]+", null, false, [1, 1], ["a"]],
  ["a-b", "[a-]+", null, false, [1, 2], ["a-"]],
  ["a^b", "[b^]+", null, false, [2, 3], ["^b"]],
  ["hello", "()ll()", null, false, [3, 4, 3, 5], [3, 5]],
  ["hello", "(h)(e)(l)(l)(o)", null, false, [1, 5, "h", "e", "l", "l", "o"], ["h", "e", "l", "l", "o"]],
  ["abcabc", "(abc)%1", null, false, [1, 6, "abc"], ["abc"]],
  ["abab", "(a)(b)%2", null, false, null, null],
  ["xyyx", "(x)(y)%2%1", null, false, [1, 4, "x", "y"], ["x", "y"]],
  ["aaa", "a-b", null, false, null, null],
  ["aaab", "a-b", null, false, [1, 4], ["aaab"]],
  ["aaab", "^a-$", null, false, null, null],
  ["", "a*", null, false, [1, 0], [""]],
  ["", "^$", null, false, [1, 0], [""]],
  ["abc", "a?b?c?d?", null, false, [1, 3], ["abc"]],
  ["ac", "ab?c", null, false, [1, 2], ["ac"]],
  ["\x00a\x00", "%z", null, false, [1, 1], ["\x00"]],
  ["\x00a\x00", "[%z]a", null, false, [1, 2], ["\x00a"]],
  ["ABC def", "%u+", null, false, [1, 3], ["ABC"]],
  ["ABC def", "%l+", null, false, [5, 7], ["def"]],
  ["a\x09b\x0ac", "%s", null, false, [2, 2], ["\x09"]],
  ["a,b;c", "%p", null, false, [2, 2], [","]],
  ["\x01\x02a", "%c+", null, false, [1, 2], ["\x01\x02"]],
  ["a b", "%g+", null, false, [1, 1], ["a"]],
  ["\xc8\xc9abc", "[\x80-\xff]+", null, false, [1, 2], ["\xc8\xc9"]],
  ["\xc8abc", "%A+", null, false, [1, 1], ["\xc8"]],
  ["h\xc3\xa9llo", "%a+", null, false, [1, 1], ["h"]],
  ["a".repeat(5000), ".-b", null, false, null, null],
  ["a".repeat(5000), "a*$", null, false, [1, 5000], ["a".repeat(5000)]],
  ["a".repeat(5000) + "b", "a-b", null, false, [1, 5001], ["a".repeat(5000) + "b"]],
  ["a".repeat(5000), "(a*)", null, false, [1, 5000, "a".repeat(5000)], ["a".repeat(5000)]],
  ["a", "%", null, false, { err: "malformed pattern (ends with '%')" }, { err: "malformed pattern (ends with '%')" }],
  ["a", "[a", null, false, { err: "malformed pattern (missing ']')" }, { err: "malformed pattern (missing ']')" }],
  ["a", "[a%", null, false, { err: "malformed pattern (missing ']')" }, { err: "malformed pattern (missing ']')" }],
  ["a", "[]", null, false, { err: "malformed pattern (missing ']')" }, { err: "malformed pattern (missing ']')" }],
  ["a", "[^]", null, false, { err: "malformed pattern (missing ']')" }, { err: "malformed pattern (missing ']')" }],
  ["a", "%f", null, false, { err: "missing '[' after '%f' in pattern" }, { err: "missing '[' after '%f' in pattern" }],
  ["a", "%fa", null, false, { err: "missing '[' after '%f' in pattern" }, { err: "missing '[' after '%f' in pattern" }],
  ["a", "%b", null, false, { err: "malformed pattern (missing arguments to '%b')" }, { err: "malformed pattern (missing arguments to '%b')" }],
  ["a", "%ba", null, false, { err: "malformed pattern (missing arguments to '%b')" }, { err: "malformed pattern (missing arguments to '%b')" }],
  ["a", "(a", null, false, { err: "unfinished capture" }, { err: "unfinished capture" }],
  ["a", "a)", null, false, null, { err: "invalid pattern capture" }],
  ["a", "%1", null, false, { err: "invalid capture index %1" }, { err: "invalid capture index %1" }],
  ["aa", "(a)%2", null, false, { err: "invalid capture index %2" }, { err: "invalid capture index %2" }],
  ["aa", "(a%1)", null, false, { err: "invalid capture index %1" }, { err: "invalid capture index %1" }],
  ["a", "(".repeat(33) + "a)))))))))))))))))))))))))))))))))", null, false, { err: "too many captures" }, { err: "too many captures" }],
  ["a", "(".repeat(32) + "a))))))))))))))))))))))))))))))))", null, false, [1, 1, "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a"], ["a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a"]],
  ["a".repeat(300), "a?".repeat(300) + "a".repeat(300), null, false, { err: "pattern too complex" }, { err: "pattern too complex" }],
  ["x", "x?".repeat(190) + "x", null, false, [1, 1], ["x"]],
  ["aaa", "()a()", null, false, [1, 1, 1, 2], [1, 2]],
  ["hello", "h()", null, false, [1, 1, 2], [2]],
  ["abc", "%w%w", 3, false, null, null],
  ["abc", "b", -1, false, null, null],
  ["abc", "b", -2, false, [2, 2], ["b"]],
  ["abc", "b", 0, false, [2, 2], ["b"]],
  ["abc", "c", 3, false, [3, 3], ["c"]],
  ["abc", "", 4, false, [4, 3], [""]],
  ["abc", "", 5, false, null, null],
  ["%a", "%%a", null, false, [1, 2], ["%a"]],
  ["x.y", "%.y", null, false, [2, 3], [".y"]],
  ["abc", "[%a-z]+", null, false, [1, 3], ["abc"]],
  ["a-z", "[%a-z]+", null, false, [1, 3], ["a-z"]],
  ["---", "[a-]+", null, false, [1, 3], ["---"]],
  ["z-", "[!--]+", null, false, [2, 2], ["-"]],
  ["aXb", "%f[%u].", null, false, [2, 2], ["X"]],
  ["THE END", "%f[%z]", null, false, [8, 7], [""]],
  ["end", "%f[^%z]", null, false, [1, 0], [""]],
  ["a b", "%f[%s]", null, false, [2, 1], [""]],
  ["foo", "o%f[%z]", null, false, [3, 3], ["o"]],
  ["$x", "$x", null, false, [1, 2], ["$x"]],
  ["x$", "x$$", null, false, [1, 2], ["x$"]],
  ["x$", "x%$", null, false, [1, 2], ["x$"]],
  ["abc", "^(a)(b)", null, false, [1, 2, "a", "b"], ["a", "b"]],
  ["hello.lua", "^(.-)%.(%a+)$", null, false, [1, 9, "hello", "lua"], ["hello", "lua"]],
  ["  trim  ", "^%s*(.-)%s*$", null, false, [1, 8, "trim"], ["trim"]],
  ["1.5e10", "^[+-]?%d+%.?%d*[eE]?[+-]?%d*$", null, false, [1, 6], ["1.5e10"]],
  ["a", ".-", null, false, [1, 0], [""]],
  ["abc", ".-$", null, false, [1, 3], ["abc"]],
  ["abc", "a.-c", null, false, [1, 3], ["abc"]],
  ["aaa", "a+?", null, false, null, null],
  ["[x]", "[[]", null, false, [1, 1], ["["]],
  ["[x]", "[]x[]+", null, false, [1, 3], ["[x]"]],
  ["a.b", "[.]", null, false, [2, 2], ["."]],
  ["aAbB", "[%u%d]+", null, false, [2, 2], ["A"]],
  ["abc", "[^%a]", null, false, null, null],
  ["ab12", "[^%d]+", null, false, [1, 2], ["ab"]],
  ["  ", "%S", null, false, null, null],
  ["x  y", "%S+%s+%S+", null, false, [1, 4], ["x  y"]],
  ["caps", "(c)(a)(p)(s)()", null, false, [1, 4, "c", "a", "p", "s", 5], ["c", "a", "p", "s", 5]],
  ["x", "()", null, false, [1, 0, 1], [1]],
  ["", "()", null, false, [1, 0, 1], [1]],
  ["ab", "(a)()(b)", null, false, [1, 2, "a", 2, "b"], ["a", 2, "b"]],
];
const GMATCH: [string, string, number | null, unknown][] = [
  ["hello world from lua", "%a+", null, [["hello"], ["world"], ["from"], ["lua"]]],
  ["k1=v1, k2=v2", "(%w+)=(%w+)", null, [["k1", "v1"], ["k2", "v2"]]],
  ["abc", "", null, [[""], [""], [""], [""]]],
  ["abc", "x*", null, [[""], [""], [""], [""]]],
  ["aaa", "a*", null, [["aaa"]]],
  ["a,b,,c", "([^,]*)", null, [["a"], ["b"], [""], ["c"]]],
  ["hello", "()l", null, [[3], [4]]],
  ["hello world", "%a+", 3, [["llo"], ["world"]]],
  ["hello world", "%a+", -5, [["world"]]],
  ["abc", ".", 10, []],
  ["abc", "^a", null, []],
  ["^a^a", "^a", null, [["^a"], ["^a"]]],
  ["one two", "%f[%w]%w+", null, [["one"], ["two"]]],
  ["a1b2c3", "%a(%d)", null, [["1"], ["2"], ["3"]]],
  ["x", "(x", null, { err: "unfinished capture" }],
  ["aaa", "a-", null, [[""], [""], [""], [""]]],
  ["abc", "", 4, [[""]]],
  ["abc", "", 5, []],
  ["xyz", "()", 2, [[2], [3], [4]]],
];
const GSUB: [string, string, string, number | null, unknown][] = [
  ["hello world", "o", "0", null, ["hell0 w0rld", 2]],
  ["hello world", "o", "0", 1, ["hell0 world", 1]],
  ["hello world", "(o)", "[%1]", null, ["hell[o] w[o]rld", 2]],
  ["hello world", "%w+", "%0 %0", null, ["hello hello world world", 2]],
  ["hello world", "(%w+) (%w+)", "%2 %1", null, ["world hello", 1]],
  ["abc", "", "-", null, ["-a-b-c-", 4]],
  ["abc", "x*", "-", null, ["-a-b-c-", 4]],
  ["abc", "b*", "-", null, ["-a-c-", 3]],
  ["abc", "^", ">", null, [">abc", 1]],
  ["abc", "$", "<", null, ["abc<", 1]],
  ["abc", "^a", "A", null, ["Abc", 1]],
  ["aaa", "^a", "A", null, ["Aaa", 1]],
  ["abc", "%w", "%%", null, ["%%%", 3]],
  ["abc", "%w", "%", null, { err: "invalid use of '%' in replacement string" }],
  ["abc", "%w", "%x", null, { err: "invalid use of '%' in replacement string" }],
  ["abc", "%w", "%2", null, { err: "invalid capture index %2" }],
  ["abc", "(%w)", "%2", null, { err: "invalid capture index %2" }],
  ["abc", "%w", "%1", null, ["abc", 3]],
  ["hello", "()ll()", "%1-%2", null, ["he3-5o", 1]],
  ["abc", ".", "%0%0", 2, ["aabbc", 2]],
  ["abc", ".", "x", 0, ["abc", 0]],
  ["abc", ".", "x", -1, ["abc", 0]],
  ["abc", ".", "x", 10, ["xxx", 3]],
  ["a b c", " ", "", null, ["abc", 2]],
  ["", "", "x", null, ["x", 1]],
  ["", "a", "x", null, ["", 0]],
  ["a.b", ".", "%%.", null, ["%.%.%.", 3]],
  ["x=1, y=2", "(%w+)=(%w+)", "%2=%1", null, ["1=x, 2=y", 2]],
  ["aaa", "a-", "-", null, ["-a-a-a-", 4]],
  ["abc", "(a)(", "x", null, ["xbc", 1]],
  ["hello world", "l+", "%3", null, { err: "invalid capture index %3" }],
  ["abc", "[", "x", null, { err: "malformed pattern (missing ']')" }],
  ["a\x00b", "%z", "0", null, ["a0b", 1]],
  ["a\x00b", "\x00", "%%0", null, ["a%0b", 1]],
];
const GSUBFN: [string, string, boolean, unknown][] = [
  ["hello world", "%w+", false, ["<hello> <world>", 2]],
  ["hello world", "%w+", true, ["<hello> <world>", 2]],
  ["x y z", "%a", false, ["x y <z>", 3]],
  ["x y z", "%a", true, ["x y <z>", 3]],
  ["k=v, a=b", "(%w+)=(%w+)", false, ["<k,v>, <a,b>", 2]],
  ["k=v, a=b", "(%w+)=(%w+)", true, ["<k>, <a>", 2]],
  ["hello", "()l()", false, ["he<3,4><4,5>o", 2]],
  ["hello", "()l()", true, ["he<3><4>o", 2]],
  ["abc", "", false, ["<>a<>b<>c<>", 4]],
  ["abc", "", true, ["<>a<>b<>c<>", 4]],
  ["xay", "[xy]", false, ["xay", 2]],
  ["xay", "[xy]", true, ["xay", 2]],
  ["abc", "(a", false, { err: "unfinished capture" }],
  ["abc", "(a", true, { err: "unfinished capture" }],
  ["abc", "()(a", false, { err: "unfinished capture" }],
  ["abc", "()(a", true, ["<1>bc", 1]],
];

function fn(caps: Capture[]): string | false | null {
  if (caps[0] === 'x') return null;
  if (caps[0] === 'y') return false;
  return '<' + caps.map(String).join(',') + '>';
}

describe('pure/pattern: find and match', () => {
  it('string.find matches lua5.4', () => {
    for (const [s, p, init, plain, want] of FIND) {
      assert.deepEqual(run(() => find(s, p, init ?? 1, plain)), want, `find(${JSON.stringify(s.slice(0, 40))}, ${JSON.stringify(p.slice(0, 40))}, ${init})`);
    }
  });
  it('string.match matches lua5.4', () => {
    for (const [s, p, init, , , want] of FIND) {
      assert.deepEqual(run(() => match(s, p, init ?? 1)), want, `match(${JSON.stringify(s.slice(0, 40))}, ${JSON.stringify(p.slice(0, 40))}, ${init})`);
    }
  });
  it('hits MAXCCALLS at the same depth as lua5.4 (a?^k x.-b: k = 198 matches, 199 is too complex)', () => {
    for (let k = 190; k <= 200; k++) {
      const s = 'a'.repeat(k) + 'xyyyb';
      const want = k <= 198 ? [1, k + 5] : { err: 'pattern too complex' };
      assert.deepEqual(run(() => find(s, 'a?'.repeat(k) + 'x.-b')), want, `k = ${k}`);
    }
  });
  it('does not overflow the JS stack on long subjects', () => {
    const s = 'a'.repeat(1_000_000);
    assert.deepEqual(find(s + 'b', '.-b'), [1, 1_000_001]);
    assert.deepEqual(find(s, 'a*$'), [1, 1_000_000]);
    assert.deepEqual(match(s, '^(a+)()$')?.[1], 1_000_001);
  });
});

describe('pure/pattern: gmatch', () => {
  it('iterates like lua5.4 (lastmatch rule, init)', () => {
    for (const [s, p, init, want] of GMATCH) {
      const got = run(() => {
        const it = new GMatch(s, p, init ?? 1);
        const out: Capture[][] = [];
        for (let c = it.next(); c !== null; c = it.next()) out.push(c.slice(0, 2));
        return out;
      });
      assert.deepEqual(got, want, `gmatch(${JSON.stringify(s)}, ${JSON.stringify(p)}, ${init})`);
    }
  });
  it('never matches a back-reference to a position capture (lua5.4: no match, no loop)', () => {
    const it = new GMatch('\0]c)%x) ]  ', '%s()%1');
    assert.equal(it.next(), null);
    assert.equal(find('.x', '()%1'), null);
    assert.equal(find('  x', '%s()%1'), null);
    assert.deepEqual(gsub('abc', '()%1', 'x'), ['abc', 0]);
  });
  it('stays exhausted', () => {
    const it = new GMatch('ab', '%a');
    assert.deepEqual([it.next(), it.next(), it.next(), it.next()], [['a'], ['b'], null, null]);
  });
});

describe('pure/pattern: gsub', () => {
  it('string replacements match lua5.4', () => {
    for (const [s, p, r, n, want] of GSUB) {
      assert.deepEqual(run(() => gsub(s, p, r, n ?? undefined)), want, `gsub(${JSON.stringify(s)}, ${JSON.stringify(p)}, ${JSON.stringify(r)}, ${n})`);
    }
  });
  it('callback (function) and first-capture (table) replacements match lua5.4', () => {
    for (const [s, p, first, want] of GSUBFN) {
      assert.deepEqual(run(() => gsub(s, p, fn, undefined, first)), want, `gsub(${JSON.stringify(s)}, ${JSON.stringify(p)}, fn, ${first})`);
    }
  });
});
