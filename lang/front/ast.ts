// The typed AST the parser builds and the compiler reads. It is the contract between
// lang/front and lang/compile: change it only together with both sides.
//
// Every node carries `line` (1-based, as Lua counts lines). Nodes whose runtime errors or
// debug info need more carry it explicitly (`endLine` for functions and blocks).

export type Expr =
  | NilExpr | TrueExpr | FalseExpr | VarargExpr
  | IntExpr | FloatExpr | StringExpr
  | FunctionExpr | TableExpr
  | BinaryExpr | UnaryExpr | ParenExpr
  | NameExpr | IndexExpr | CallExpr | MethodCallExpr;

export interface NilExpr { kind: 'Nil'; line: number }
export interface TrueExpr { kind: 'True'; line: number }
export interface FalseExpr { kind: 'False'; line: number }
export interface VarargExpr { kind: 'Vararg'; line: number }
/** An integer literal. `value` is exact: numerals that overflow int64 are FloatExpr (decimal) or wrap (hex), as 5.4 does. */
export interface IntExpr { kind: 'Int'; line: number; value: bigint }
export interface FloatExpr { kind: 'Float'; line: number; value: number }
/** `value` is a byte string: one char per byte, char codes 0-255, escapes already decoded. */
export interface StringExpr { kind: 'String'; line: number; value: string }

export interface FunctionExpr {
  kind: 'Function';
  line: number;        // linedefined as lparser.c records it: the `function` keyword's line for
                       // `function a.b()`; the line of the token after `function` (anonymous) or
                       // after the name (`local function f`): the same line in ordinary code
  endLine: number;     // line of the closing `end`
  params: Name[];
  isVararg: boolean;
  body: Block;
  /** `function a.b:m()` gets an implicit first parameter `self`; the parser puts it in `params`. */
  isMethod: boolean;
}

export type TableField =
  | { kind: 'Positional'; value: Expr; line: number }
  | { kind: 'Named'; name: string; value: Expr; line: number }   // { name = v }
  | { kind: 'Keyed'; key: Expr; value: Expr; line: number };     // { [k] = v }
export interface TableExpr { kind: 'Table'; line: number; endLine: number; fields: TableField[] }

export type BinaryOp =
  | 'or' | 'and'
  | '<' | '>' | '<=' | '>=' | '~=' | '=='
  | '|' | '~' | '&' | '<<' | '>>'
  | '..'
  | '+' | '-'
  | '*' | '/' | '//' | '%'
  | '^';
export type UnaryOp = 'not' | '-' | '#' | '~';

/** `line` is the operator's line (Lua reports arithmetic errors there). */
export interface BinaryExpr { kind: 'Binary'; line: number; op: BinaryOp; left: Expr; right: Expr }
export interface UnaryExpr { kind: 'Unary'; line: number; op: UnaryOp; operand: Expr }
/** `(e)`: truncates multiple results to one and makes the expression not assignable. */
export interface ParenExpr { kind: 'Paren'; line: number; expr: Expr }

export interface NameExpr { kind: 'Name'; line: number; name: string }
/** `obj[key]`; `obj.name` is parsed as an IndexExpr whose key is a StringExpr with `isField` set. */
export interface IndexExpr { kind: 'Index'; line: number; obj: Expr; key: Expr; isField: boolean }
export interface CallExpr { kind: 'Call'; line: number; fn: Expr; args: Expr[] }
/** `obj:name(args)` */
export interface MethodCallExpr { kind: 'MethodCall'; line: number; obj: Expr; name: string; args: Expr[] }

export interface Name { name: string; line: number }

export type LocalAttrib = 'const' | 'close' | null;

export type Stat =
  | LocalStat | AssignStat | CallStat | DoStat | WhileStat | RepeatStat | IfStat
  | NumericForStat | GenericForStat | FunctionStat | LocalFunctionStat
  | ReturnStat | BreakStat | GotoStat | LabelStat;

export interface LocalStat { kind: 'Local'; line: number; names: Name[]; attribs: LocalAttrib[]; values: Expr[] }
/** `targets` are NameExpr or IndexExpr only (the parser rejects anything else with Lua's message). */
export interface AssignStat { kind: 'Assign'; line: number; targets: (NameExpr | IndexExpr)[]; values: Expr[] }
export interface CallStat { kind: 'CallStat'; line: number; call: CallExpr | MethodCallExpr }
export interface DoStat { kind: 'Do'; line: number; body: Block }
export interface WhileStat { kind: 'While'; line: number; cond: Expr; body: Block }
/** The `until` condition is inside the body's scope. */
export interface RepeatStat { kind: 'Repeat'; line: number; body: Block; cond: Expr }
export interface IfStat {
  kind: 'If'; line: number;
  /** `if` then each `elseif`; the test jump is on the line of `then` (lparser reads it first) */
  clauses: { cond: Expr; body: Block; line: number; thenLine: number }[];
  orelse: Block | null;
}
export interface NumericForStat {
  kind: 'NumericFor'; line: number;
  var: Name; start: Expr; limit: Expr; step: Expr | null; body: Block;
}
export interface GenericForStat { kind: 'GenericFor'; line: number; names: Name[]; exprs: Expr[]; body: Block }
/** `function a.b.c:m() end`: `path` is ['a','b','c'], `method` is 'm' or null. */
export interface FunctionStat { kind: 'FunctionStat'; line: number; path: Name[]; method: string | null; func: FunctionExpr }
export interface LocalFunctionStat { kind: 'LocalFunction'; line: number; name: Name; func: FunctionExpr }
export interface ReturnStat { kind: 'Return'; line: number; values: Expr[] }
export interface BreakStat { kind: 'Break'; line: number }
export interface GotoStat { kind: 'Goto'; line: number; label: string }
export interface LabelStat { kind: 'Label'; line: number; label: string }

export interface Block { stats: Stat[]; line: number; endLine: number }

/** A whole chunk: a vararg function with no parameters. */
export interface Chunk { kind: 'Chunk'; body: Block; chunkName: string; endLine: number }
