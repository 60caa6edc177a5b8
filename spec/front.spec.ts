// The front end: lexer corners, parser shapes and lines, chunkId, depth limits, and the
// syntax-error fixtures of spec/lua/syntax (messages lua5.4 printed, compared verbatim).
// Every expected value below was checked with lua5.4 / luac5.4 -l.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, chunkId, LuaSyntaxError } from '../lang/front/index.js';
import type * as A from '../lang/front/ast.js';
import { tokenize } from '../lang/front/lexer.js';
import { LuaParser } from '../lang/front/parser.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function errorOf(src: string, chunkName = '=t', opts?: Parameters<typeof parse>[2]): LuaSyntaxError {
  try {
    parse(src, chunkName, opts);
  } catch (e) {
    assert.ok(e instanceof LuaSyntaxError, `not a LuaSyntaxError: ${String(e)}`);
    return e;
  }
  assert.fail(`parsed without error: ${JSON.stringify(src)}`);
}

/** A block's statements (a linked list in the AST) as an array. */
function stats(b: A.Block): A.Stat[] {
  const r: A.Stat[] = [];
  for (let s = b; s !== null; s = s.next) r.push(s);
  return r;
}

/** An A.List as an array (a list of one is its item itself). */
function items<N>(l: A.List<N>): N[] {
  return Array.isArray(l) ? l : [l];
}

/** The single expression of `return <e>`. */
function exprOf(src: string): A.Expr {
  const ch = parse('return ' + src, '=t');
  const r = stats(ch.body)[0] as A.ReturnStat;
  return items(r.values)[0]!;
}

/** Fully parenthesised rendering of an expression, to check precedence. */
function show(e: A.Expr): string {
  switch (e.kind) {
    case 'Binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'Unary': return `(${e.op === 'not' ? 'not ' : e.op}${show(e.operand)})`;
    case 'Int': return e.value.toString();
    case 'Float': return String(e.value);
    case 'String': return JSON.stringify(e.value);
    case 'Name': return e.name;
    case 'Paren': return `[${show(e.expr)}]`;
    case 'Nil': return 'nil';
    case 'True': return 'true';
    case 'False': return 'false';
    case 'Index': return `${show(e.obj)}[${show(e.key)}]`;
    case 'Field': return `${show(e.obj)}[${JSON.stringify(e.name)}]`;
    case 'Call': return `${show(e.fn)}(${items(e.args).map(show).join(', ')})`;
    case 'MethodCall': return `${show(e.obj)}:${e.name}(${items(e.args).map(show).join(', ')})`;
    default: return e.kind;
  }
}

function bytes(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

describe('front: lexer', () => {
  it('decodes every short-string escape', () => {
    assert.deepEqual(bytes((exprOf(String.raw`"\a\b\f\n\r\t\v\\\"\'"`) as A.StringExpr).value),
      [7, 8, 12, 10, 13, 9, 11, 92, 34, 39]);
    assert.deepEqual(bytes((exprOf(String.raw`"\x41\65\u{48}\u{7FFFFFFF}\u{800}\u{10FFFF}\0z"`) as A.StringExpr).value),
      [65, 65, 72, 253, 191, 191, 191, 191, 191, 224, 160, 128, 244, 143, 191, 191, 0, 122]);
    assert.deepEqual(bytes((exprOf('"a\\z\n      b\\\nc"') as A.StringExpr).value), [97, 98, 10, 99]);
    assert.deepEqual(bytes((exprOf("'a\\\r\nb\\\n\rc'") as A.StringExpr).value), [97, 10, 98, 10, 99]);
  });

  it('keeps bytes 0x80-0xff of literals as they are', () => {
    assert.equal((exprOf('"\xe9\xff"') as A.StringExpr).value, '\xe9\xff');
  });

  it('reads long strings of any level, skipping the first newline', () => {
    assert.equal((exprOf('[[\nx]]') as A.StringExpr).value, 'x');
    assert.equal((exprOf('[==[\n]]]==]') as A.StringExpr).value, ']]');
    assert.equal((exprOf('[==[a]]b]==]') as A.StringExpr).value, 'a]]b');
    assert.equal((exprOf('[[\r\na\r\nb\n\rc\rd]]') as A.StringExpr).value, 'a\nb\nc\nd');
    assert.equal((exprOf('--[==[ ]] ]==] 5') as A.IntExpr).value, 5n);
  });

  it('reads numerals as 5.4 does (overflow to float, hex wraps)', () => {
    const cases: [string, 'Int' | 'Float', bigint | number][] = [
      ['3', 'Int', 3n], ['3.0', 'Float', 3], ['0x10', 'Int', 16n],
      ['0xffffffffffffffff', 'Int', -1n], ['0x7fffffffffffffff', 'Int', 9223372036854775807n],
      ['9223372036854775807', 'Int', 9223372036854775807n],
      ['9223372036854775808', 'Float', 9223372036854775808], ['1e2', 'Float', 100], ['.5', 'Float', 0.5],
      ['0x.8p1', 'Float', 1], ['0x1p-2', 'Float', 0.25], ['0xA.8p0', 'Float', 10.5], ['3.', 'Float', 3],
      ['0x10000000000000000', 'Int', 0n], ['0x1P+4', 'Float', 16], ['1E-2', 'Float', 0.01],
      ['0x.1', 'Float', 0.0625], ['18446744073709551616', 'Float', 18446744073709551616],
    ];
    for (const [src, kind, value] of cases) {
      const e = exprOf(src) as A.IntExpr | A.FloatExpr;
      assert.equal(e.kind, kind, src);
      assert.equal(e.value, value, src);
    }
    // '0xe+1' is 0xe plus 1: a sign only follows an exponent mark of the numeral's base.
    assert.equal(show(exprOf('0xe+1')), '(14 + 1)');
  });

  it('reads plain floats and short hex integers on the scanner fast path as lua5.4 does', () => {
    // Values and messages from lua5.4; the fast path stops at 13 hex digits and leaves any
    // numeral followed by a letter, '.', or an exponent without digits to the full reader.
    const cases: [string, 'Int' | 'Float', bigint | number][] = [
      ['3.25e-1', 'Float', 0.325], ['1e5', 'Float', 100000], ['1E+5', 'Float', 100000],
      ['12.5e3', 'Float', 12500], ['0.0', 'Float', 0], ['1.5E-300', 'Float', 1.5e-300],
      ['0xfffffffffffff', 'Int', 4503599627370495n], ['0x1fffffffffffff', 'Int', 9007199254740991n],
      ['0XaBc', 'Int', 2748n],
    ];
    for (const [src, kind, value] of cases) {
      const e = exprOf(src) as A.IntExpr | A.FloatExpr;
      assert.equal(e.kind, kind, src);
      assert.equal(e.value, value, src);
    }
    for (const src of ['1e', '1e+', '1.5e3x', '0x', '1..2']) {
      assert.equal(errorOf('local v = ' + src).message, `t:1: malformed number near '${src}'`, src);
    }
  });

  it('counts \\n, \\r, \\r\\n and \\n\\r as one line each', () => {
    const r = tokenize('a\nb\rc\r\nd\n\re\n\nf\r\rg');
    assert.deepEqual(r.tokens.map((t) => [t.image, t.endLine]),
      [['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5], ['f', 7], ['g', 9]]);
    assert.equal(r.eofLine, 9);
  });

  it('gives a multi-line token the line of its end', () => {
    const r = tokenize('x = [[\na\nb]] y');
    assert.deepEqual(r.tokens.map((t) => t.endLine), [1, 1, 3, 3]);
  });

  it('tells reserved words from names that contain them, however often they recur', () => {
    // Names go through a cache that also holds the reserved words; long names (13+
    // characters) bypass it. Each word twice: the second read is a cache hit.
    const words = 'end ends _end endx iff if nil nil_ returns return a_very_long_name_1 ' +
      'a_very_long_name_1 abcdefghijkl abcdefghijkl abcdefghijklm abcdefghijklm local locals';
    const src = words + ' ' + words;
    const kinds = tokenize(src).tokens.map((t) => t.tokenType.name);
    const one = ['kw_end', 'Name', 'Name', 'Name', 'Name', 'kw_if', 'kw_nil', 'Name', 'Name', 'kw_return',
      'Name', 'Name', 'Name', 'Name', 'Name', 'Name', 'kw_local', 'Name'];
    assert.deepEqual(kinds, [...one, ...one]);
    assert.deepEqual(tokenize(src).tokens.map((t) => t.image), src.split(' '));
  });

  it('skips a #! first line of files only, keeping its line', () => {
    const ch = parse('#!/usr/bin/lua\nreturn 1', '@f.lua');
    assert.equal(stats(ch.body)[0]!.line, 2);
    assert.equal(errorOf('#!x\nreturn 1', 'return 1').message, `[string "return 1"]:1: unexpected symbol near '#'`);
    assert.equal(stats(parse('\xEF\xBB\xBF# comment\nreturn 1', '@f.lua').body).length, 1);
  });
});

describe('front: parser', () => {
  it('folds binary operators by Lua priority and associativity', () => {
    // Each rendering was checked by evaluating both forms with lua5.4.
    const cases: [string, string][] = [
      ['2^-3', '(2 ^ (-3))'],
      ['-2^2', '(-(2 ^ 2))'],
      ['2^3^2', '(2 ^ (3 ^ 2))'],
      ['1 .. 2 .. 3', '(1 .. (2 .. 3))'],
      ['7 // 2 * 3', '((7 // 2) * 3)'],
      ['not nil == true', '((not nil) == true)'],
      ['1 < 2 == true', '((1 < 2) == true)'],
      ['- - 2', '(-(-2))'],
      ['1 + 2 << 1', '((1 + 2) << 1)'],
      ['5 & 3 | 8', '((5 & 3) | 8)'],
      ['5 ~ 3 & 1', '(5 ~ (3 & 1))'],
      ['"a" .. "b" == "ab"', '(("a" .. "b") == "ab")'],
      ['#"abc" + 1', '((#"abc") + 1)'],
      ['-3 % 5', '((-3) % 5)'],
      ['2 * 3 ^ 2', '(2 * (3 ^ 2))'],
      ['a or b and c', '(a or (b and c))'],
      ['a + b .. c + d', '((a + b) .. (c + d))'],
      ['1 - 2 - 3', '((1 - 2) - 3)'],
      ['~a ~ b', '((~a) ~ b)'],
      ['-a.b^c', '(-(a["b"] ^ c))'],
      ['(f())', '[f()]'],
      ['a < b < c', '((a < b) < c)'],
    ];
    for (const [src, want] of cases) assert.equal(show(exprOf(src)), want, src);
  });

  it('gives lists of one item without an array, others as arrays', () => {
    const [loc, asg, ret] = stats(parse('local a = f(x)\na, b = g(), {}\nreturn', '=t').body) as [A.LocalStat, A.AssignStat, A.ReturnStat];
    assert.deepEqual([Array.isArray(loc.names), (loc.names as A.Name).name, Array.isArray(loc.values), (loc.values as A.CallExpr).kind], [false, 'a', false, 'Call']);
    assert.equal(((loc.values as A.CallExpr).args as A.NameExpr).name, 'x');
    assert.deepEqual([(asg.targets as A.Target[]).length, (asg.values as A.Expr[]).length], [2, 2]);
    assert.deepEqual([items(asg.values)[0]!.kind, items((items(asg.values)[0] as A.CallExpr).args).length], ['Call', 0]);
    assert.deepEqual(ret.values, []);
  });

  it('shares the node of a name used again on the same line, never across lines', () => {
    const [a1, a2, lf] = stats(parse('x = x + y\nx = x\nlocal function f(p) return p, q end', '=t').body) as
      [A.AssignStat, A.AssignStat, A.LocalFunctionStat];
    const left = (a1.values as A.BinaryExpr).left as A.NameExpr;
    assert.equal(a1.targets, left);
    assert.deepEqual([left.name, left.line, ((a1.values as A.BinaryExpr).right as A.NameExpr).name], ['x', 1, 'y']);
    assert.notEqual(a2.targets, left);
    assert.deepEqual([(a2.targets as A.NameExpr).line, a2.targets === a2.values], [2, true]);
    const ret = lf.func.body as A.ReturnStat;
    assert.equal(lf.func.params, items(ret.values)[0]);
    assert.deepEqual(items(ret.values).map((e) => [(e as A.NameExpr).name, e.line]), [['p', 3], ['q', 3]]);
  });

  it('builds calls, method calls and indexing', () => {
    assert.equal(show(exprOf('a.b.c:m(1)"s"{}[k]')), 'a["b"]["c"]:m(1)("s")(Table)[k]');
    const ix = exprOf('t.x') as A.FieldExpr;
    assert.deepEqual([ix.kind, ix.name], ['Field', 'x']);
    assert.equal(exprOf('t["x"]').kind, 'Index');
  });

  it('parses method definitions with an implicit self', () => {
    const st = stats(parse('function a.b.c:m(x) end', '=t').body)[0] as A.FunctionStat;
    assert.deepEqual(st.path.map((n) => n.name), ['a', 'b', 'c']);
    assert.equal(st.method, 'm');
    assert.deepEqual(items(st.func.params).map((n) => n.name), ['self', 'x']);
    const m = stats(parse('function a:m() end', '=t').body)[0] as A.FunctionStat;
    assert.deepEqual([Array.isArray(m.func.params), (m.func.params as A.Name).name], [false, 'self']);
  });

  it('parses local attributes, varargs and every statement form', () => {
    const ch = parse([
      'local a <const>, b, c <close> = 1, 2',
      'local function f(x, ...) return ... end',
      'for i = 1, 10, 2 do end for k, v in pairs(t) do end',
      'while x do break end repeat local y until y',
      'if a then elseif b then else end',
      'goto done ::done:: ; do end',
      'x, t.y, t[1] = 1, 2, 3',
      'f{1, n = 2, [3] = 4;}',
    ].join('\n'), '=t');
    assert.deepEqual(stats(ch.body).map((s) => s.kind), [
      'Local', 'LocalFunction', 'NumericFor', 'GenericFor', 'While', 'Repeat', 'If',
      'Goto', 'Label', 'Do', 'Assign', 'CallStat',
    ]);
    const loc = stats(ch.body)[0] as A.LocalStat;
    assert.deepEqual(loc.attribs, ['const', null, 'close']);
    assert.equal((stats(ch.body)[1] as A.LocalFunctionStat).func.isVararg, true);
    const call = (stats(ch.body)[11] as A.CallStat).call as A.CallExpr;
    const tbl = items(call.args)[0] as A.TableExpr;
    assert.deepEqual(tbl.fields.map((f) => f.kind), ['Int', 'Named', 'Keyed']);
    const ifs = stats(ch.body)[6] as A.IfStat;
    assert.equal(items(ifs.clauses).length, 2);
    assert.deepEqual([ifs.hasElse, ifs.orelse], [true, null]);
    assert.equal(stats(ch.body).at(-1)!.next, null);
  });

  it('keeps a name read before a long nested production', () => {
    // The parser reuses a few token objects: what a rule needs of a token is taken when it
    // is consumed, not after the function body, attribute or value that follows it.
    const body = 'local a, b, c, d, e, f, g, h, i, j = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10';
    const ch = parse([
      `local function outer_fn(p, q) ${body} end`,
      'local first <const>, second <close> = 1, nil',
      `t = { key = (function() ${body} return a end)(), [k] = 1, other = 2 }`,
      `for idx, val in next, {1, 2, 3, 4, 5, 6, 7, 8} do ${body} end`,
      `function m.n.o:meth(x) ${body} end`,
    ].join('\n'), '=t');
    const [lf, loc, asg, gf, fs] = stats(ch.body) as [A.LocalFunctionStat, A.LocalStat, A.AssignStat, A.GenericForStat, A.FunctionStat];
    assert.deepEqual([lf.name, lf.nameLine, items(lf.func.params).map((p) => p.name)], ['outer_fn', 1, ['p', 'q']]);
    assert.deepEqual(items(loc.names).map((n) => [n.name, n.line]), [['first', 2], ['second', 2]]);
    const tbl = items(asg.values)[0] as A.TableExpr;
    assert.deepEqual(tbl.fields.map((f) => f.kind === 'Named' ? [f.name, f.line] : f.kind), [['key', 3], 'Keyed', ['other', 3]]);
    assert.deepEqual(items(gf.names).map((n) => n.name), ['idx', 'val']);
    assert.deepEqual([fs.path.map((n) => n.name), fs.method], [['m', 'n', 'o'], 'meth']);
  });

  it('passes Chevrotain\'s grammar validations (skipped when lunet starts)', () => {
    assert.doesNotThrow(() => new LuaParser(true));
  });

  it('gives nodes the lines luac5.4 -l shows for their instructions', () => {
    // Lines of ln.lua as listed by luac5.4 -l: GETFIELD 4, GETI 8, CALL 9, CONCAT 15,
    // function linedefined 18 / lastlinedefined 20, NEWTABLE 21, SETLIST 24, h defined at 26.
    const src = 'local t = {}\nlocal x = t\n.\na\nlocal y = t\n[\n1\n]\nprint(\n1\n+\n2\n)\n' +
      'local z = x\n..\ny\nlocal f = function\n(\n)\nend\nlocal g = {\n1,\n2\n}\nlocal function h\n()\nend\n';
    const s = stats(parse(src, '@ln.lua').body);
    assert.equal(items((s[1] as A.LocalStat).values)[0]!.line, 4);
    assert.equal(items((s[2] as A.LocalStat).values)[0]!.line, 8);
    const call = (s[3] as A.CallStat).call as A.CallExpr;
    assert.equal(call.line, 9);
    assert.equal(items(call.args)[0]!.line, 11);
    assert.equal(items((s[4] as A.LocalStat).values)[0]!.line, 15);
    const fn = items((s[5] as A.LocalStat).values)[0] as A.FunctionExpr;
    assert.deepEqual([fn.line, fn.endLine], [18, 20]);
    const tb = items((s[6] as A.LocalStat).values)[0] as A.TableExpr;
    assert.deepEqual([tb.line, tb.endLine], [21, 24]);
    const h = s[7] as A.LocalFunctionStat;
    assert.deepEqual([h.line, h.func.line, h.func.endLine], [25, 26, 27]);
  });
});

describe('front: chunkId', () => {
  it('formats names as luaO_chunkid does', () => {
    assert.equal(chunkId('@script.lua'), 'script.lua');
    assert.equal(chunkId('=stdin'), 'stdin');
    assert.equal(chunkId('=' + 'a'.repeat(59)), 'a'.repeat(59));
    assert.equal(chunkId('=' + 'a'.repeat(69)), 'a'.repeat(59));
    assert.equal(chunkId('@' + 'b'.repeat(58) + 'yz'), '...' + 'b'.repeat(54) + 'yz');
    assert.equal(chunkId('x='), '[string "x="]');
    assert.equal(chunkId('x= --' + 'c'.repeat(40)), '[string "x= --' + 'c'.repeat(40) + '..."]');
    assert.equal(chunkId('return 1 +\n'), '[string "return 1 +..."]');
  });
});

describe('front: errors', () => {
  it('marks errors at <eof> as incomplete (for the REPL)', () => {
    const e = errorOf('return 1 +\n', 'return 1 +\n');
    assert.equal(e.message, '[string "return 1 +..."]:2: unexpected symbol near <eof>');
    assert.equal(e.incomplete, true);
    assert.equal(errorOf('x = [[abc').incomplete, true);
    assert.equal(errorOf('x = = 1').incomplete, false);
  });

  it('reports characters outside 0-255 (not a byte string) as Lua errors, not crashes', () => {
    assert.match(errorOf('x = \u0100').message, /^t:1: unexpected symbol near /);
    assert.equal((exprOf('"\u0100"') as A.StringExpr).value, '\u0100');
  });

  it('refuses deep nesting with Lua\'s error, never a RangeError', function () {
    this.timeout(30000);
    assert.equal(errorOf('x = ' + '('.repeat(100000)).message, 'C stack overflow');
    assert.equal(errorOf('x = ' + '{'.repeat(100000)).message, 'C stack overflow');
    assert.equal(errorOf('x = ' + 'function() return '.repeat(10000)).message, 'C stack overflow');
    assert.equal(errorOf('x = 1' + ' .. 1'.repeat(100000)).message, 'C stack overflow');
    // lua5.4 accepts 196 nested parentheses in a script and 195 in a load() from a script.
    const nest = (n: number) => 'x = ' + '('.repeat(n) + '1' + ')'.repeat(n);
    parse(nest(196), '@d.lua');
    assert.equal(errorOf(nest(197), '@d.lua').message, 'C stack overflow');
    parse(nest(195), nest(195), { cLevels: 2 });
    assert.equal(errorOf(nest(196), nest(196), { cLevels: 2 }).message, 'C stack overflow');
    // Long left-associative chains and field chains are not nesting.
    parse('x = 1' + ' + 1'.repeat(100000) + '\ny = a' + '.b'.repeat(100000), '=t');
  });

  describe('spec/lua/syntax fixtures give lua5.4\'s message', () => {
    const dir = join(root, 'spec', 'lua', 'syntax');
    const files = readdirSync(dir).filter((f) => f.endsWith('.lua')).sort();
    it('has at least 60 fixtures', () => assert.ok(files.length >= 60));
    for (const f of files) {
      it(f, () => {
        const src = readFileSync(join(dir, f), 'latin1');
        const exp = JSON.parse(readFileSync(join(dir, f.replace(/\.lua$/, '.expected.json')), 'latin1')) as { stderr: string };
        assert.equal('lunet: ' + errorOf(src, '@' + f).message, exp.stderr);
      });
    }
  });
});
