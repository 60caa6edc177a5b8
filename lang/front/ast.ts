// The typed AST the parser builds and the compiler reads. It is the contract between
// lang/front and lang/compile: change it only together with both sides.
//
// Every node carries `line` (1-based, as Lua counts lines). Nodes whose runtime errors or
// debug info need more carry it explicitly (`endLine` for functions and blocks).
//
// The AST of a large file lives to the end of its parse, so V8's scavenger copies every
// object of it: the shapes below avoid objects where a common case would need one. A block
// is not an object: its statements are a linked list (`Stat.next`, the parent holds the
// first, null for an empty block) and the parent holds the line where the block ends.
// Nodes are never written after the parse, and a name's node may be shared by its uses on
// one line (parser.ts).

/**
 * A list of nodes. Most lists have one item: that item stands for the list, with no array
 * around it (an array is two more heap objects); other lengths, 0 included, are arrays.
 * No node is an array, so `Array.isArray` tells the forms apart.
 */
export type List<N> = N | N[];
export type ExprList = List<Expr>;

export type Expr =
  | NilExpr | TrueExpr | FalseExpr | VarargExpr
  | IntExpr | FloatExpr | StringExpr
  | FunctionExpr | TableExpr
  | BinaryExpr | UnaryExpr | ParenExpr
  | NameExpr | IndexExpr | FieldExpr | CallExpr | MethodCallExpr;

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
  /** `function a.b:m()` gets an implicit first parameter `self`, in `params`. */
  params: List<Name>;
  isVararg: boolean;
  body: Block;         // ends at `endLine`
}

/** A positional field (`{ v }`) is its expression itself: no Expr kind is 'Named' or 'Keyed'. */
export type TableField =
  | Expr
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
/** `obj[key]`; `line` is the line of `]`. */
export interface IndexExpr { kind: 'Index'; line: number; obj: Expr; key: Expr }
/** `obj.name`; `line` is the line of the name. */
export interface FieldExpr { kind: 'Field'; line: number; obj: Expr; name: string }
export interface CallExpr { kind: 'Call'; line: number; fn: Expr; args: ExprList }
/** `obj:name(args)` */
export interface MethodCallExpr { kind: 'MethodCall'; line: number; obj: Expr; name: string; args: ExprList }

/** A declared name (local, parameter, function path); the parser gives the NameExpr node of the same name and line. */
export interface Name { name: string; line: number }

export type LocalAttrib = 'const' | 'close' | null;

/** A block: its first statement (each links to the next), null when empty. */
export type Block = Stat | null;

export type Stat =
  | LocalStat | AssignStat | CallStat | DoStat | WhileStat | RepeatStat | IfStat
  | NumericForStat | GenericForStat | FunctionStat | LocalFunctionStat
  | ReturnStat | BreakStat | GotoStat | LabelStat;

export interface LocalStat { kind: 'Local'; line: number; next: Stat | null; names: List<Name>; attribs: LocalAttrib[]; values: ExprList }
/** An assignable expression. */
export type Target = NameExpr | IndexExpr | FieldExpr;
/** `targets` are Targets only (the parser rejects anything else with Lua's message). */
export interface AssignStat { kind: 'Assign'; line: number; next: Stat | null; targets: List<Target>; values: ExprList }
export interface CallStat { kind: 'CallStat'; line: number; next: Stat | null; call: CallExpr | MethodCallExpr }
/** `endLine` (here and below): the line of the token that ends the body (`end`, `until`...). */
export interface DoStat { kind: 'Do'; line: number; next: Stat | null; body: Block; endLine: number }
export interface WhileStat { kind: 'While'; line: number; next: Stat | null; cond: Expr; body: Block; endLine: number }
/** The `until` condition is inside the body's scope; `endLine` is the line of `until`. */
export interface RepeatStat { kind: 'Repeat'; line: number; next: Stat | null; body: Block; endLine: number; cond: Expr }
/** `if` then each `elseif`; the test jump is on the line of `then` (lparser reads it first). */
export interface IfClause { cond: Expr; body: Block; line: number; thenLine: number; endLine: number }
export interface IfStat {
  kind: 'If'; line: number; next: Stat | null;
  clauses: List<IfClause>;
  /** Whether there is an `else` (its block may be empty); `orelse` ends at `endLine`. */
  hasElse: boolean;
  orelse: Block;
  /** Line of the closing `end`. */
  endLine: number;
}
export interface NumericForStat {
  kind: 'NumericFor'; line: number; next: Stat | null;
  varName: string; varLine: number; start: Expr; limit: Expr; step: Expr | null; body: Block; endLine: number;
}
export interface GenericForStat { kind: 'GenericFor'; line: number; next: Stat | null; names: List<Name>; exprs: ExprList; body: Block; endLine: number }
/** `function a.b.c:m() end`: `path` is ['a','b','c'], `method` is 'm' or null. */
export interface FunctionStat { kind: 'FunctionStat'; line: number; next: Stat | null; path: Name[]; method: string | null; func: FunctionExpr }
export interface LocalFunctionStat { kind: 'LocalFunction'; line: number; next: Stat | null; name: string; nameLine: number; func: FunctionExpr }
export interface ReturnStat { kind: 'Return'; line: number; next: Stat | null; values: ExprList }
export interface BreakStat { kind: 'Break'; line: number; next: Stat | null }
export interface GotoStat { kind: 'Goto'; line: number; next: Stat | null; label: string }
export interface LabelStat { kind: 'Label'; line: number; next: Stat | null; label: string }

/** A whole chunk: a vararg function with no parameters; its body ends at `endLine` (`<eof>`). */
export interface Chunk { kind: 'Chunk'; body: Block; chunkName: string; endLine: number }
