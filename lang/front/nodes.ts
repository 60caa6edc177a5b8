// The parser's AST nodes: one class per node kind of ast.ts, whose `kind` is a property of
// the class's prototype instead of each node. The AST of a large file lives to the end of
// the parse and V8's scavenger copies every byte of it (twice): a field fewer in every node
// is an eighth less to copy for the most common ones (names, operators, numerals). Readers
// see the interfaces of ast.ts; `kind` reads the same (an inline-cached prototype load).
//
// Fields are assigned in the constructors (no class fields, whose define semantics are
// slower to run), always in the same order, so each class keeps one map; V8's in-object
// slack tracking then sizes instances to exactly their fields.

import type * as A from './ast.js';

function kind(c: { prototype: object }, k: string): void {
  (c.prototype as { kind: string }).kind = k;
}

// ------------------------------------------------------------ expressions

export class NilNode {
  declare readonly kind: 'Nil';
  declare line: number;
  constructor(line: number) { this.line = line; }
}
export class TrueNode {
  declare readonly kind: 'True';
  declare line: number;
  constructor(line: number) { this.line = line; }
}
export class FalseNode {
  declare readonly kind: 'False';
  declare line: number;
  constructor(line: number) { this.line = line; }
}
export class VarargNode {
  declare readonly kind: 'Vararg';
  declare line: number;
  constructor(line: number) { this.line = line; }
}
export class IntNode {
  declare readonly kind: 'Int';
  declare line: number;
  declare value: bigint;
  constructor(line: number, value: bigint) { this.line = line; this.value = value; }
}
export class FloatNode {
  declare readonly kind: 'Float';
  declare line: number;
  declare value: number;
  constructor(line: number, value: number) { this.line = line; this.value = value; }
}
export class StringNode {
  declare readonly kind: 'String';
  declare line: number;
  declare value: string;
  constructor(line: number, value: string) { this.line = line; this.value = value; }
}
export class FunctionNode {
  declare readonly kind: 'Function';
  declare line: number;
  declare endLine: number;
  declare params: A.List<A.Name>;
  declare isVararg: boolean;
  declare body: A.Block;
  constructor(line: number, endLine: number, params: A.List<A.Name>, isVararg: boolean, body: A.Block) {
    this.line = line;
    this.endLine = endLine;
    this.params = params;
    this.isVararg = isVararg;
    this.body = body;
  }
}
export class TableNode {
  declare readonly kind: 'Table';
  declare line: number;
  declare endLine: number;
  declare fields: A.TableField[];
  constructor(line: number, endLine: number, fields: A.TableField[]) {
    this.line = line;
    this.endLine = endLine;
    this.fields = fields;
  }
}
export class BinaryNode {
  declare readonly kind: 'Binary';
  declare line: number;
  declare op: A.BinaryOp;
  declare left: A.Expr;
  declare right: A.Expr;
  constructor(line: number, op: A.BinaryOp, left: A.Expr, right: A.Expr) {
    this.line = line;
    this.op = op;
    this.left = left;
    this.right = right;
  }
}
export class UnaryNode {
  declare readonly kind: 'Unary';
  declare line: number;
  declare op: A.UnaryOp;
  declare operand: A.Expr;
  constructor(line: number, op: A.UnaryOp, operand: A.Expr) {
    this.line = line;
    this.op = op;
    this.operand = operand;
  }
}
export class ParenNode {
  declare readonly kind: 'Paren';
  declare line: number;
  declare expr: A.Expr;
  constructor(line: number, expr: A.Expr) { this.line = line; this.expr = expr; }
}
export class NameNode {
  declare readonly kind: 'Name';
  declare line: number;
  declare name: string;
  constructor(line: number, name: string) { this.line = line; this.name = name; }
}
export class IndexNode {
  declare readonly kind: 'Index';
  declare line: number;
  declare obj: A.Expr;
  declare key: A.Expr;
  constructor(line: number, obj: A.Expr, key: A.Expr) { this.line = line; this.obj = obj; this.key = key; }
}
export class FieldNode {
  declare readonly kind: 'Field';
  declare line: number;
  declare obj: A.Expr;
  declare name: string;
  constructor(line: number, obj: A.Expr, name: string) { this.line = line; this.obj = obj; this.name = name; }
}
export class CallNode {
  declare readonly kind: 'Call';
  declare line: number;
  declare fn: A.Expr;
  declare args: A.ExprList;
  constructor(line: number, fn: A.Expr, args: A.ExprList) {
    this.line = line;
    this.fn = fn;
    this.args = args;
  }
}
export class MethodCallNode {
  declare readonly kind: 'MethodCall';
  declare line: number;
  declare obj: A.Expr;
  declare name: string;
  declare args: A.ExprList;
  constructor(line: number, obj: A.Expr, name: string, args: A.ExprList) {
    this.line = line;
    this.obj = obj;
    this.name = name;
    this.args = args;
  }
}
export class NamedNode {
  declare readonly kind: 'Named';
  declare line: number;
  declare name: string;
  declare value: A.Expr;
  constructor(line: number, name: string, value: A.Expr) {
    this.line = line;
    this.name = name;
    this.value = value;
  }
}
export class KeyedNode {
  declare readonly kind: 'Keyed';
  declare line: number;
  declare key: A.Expr;
  declare value: A.Expr;
  constructor(line: number, key: A.Expr, value: A.Expr) {
    this.line = line;
    this.key = key;
    this.value = value;
  }
}

kind(NilNode, 'Nil'); kind(TrueNode, 'True'); kind(FalseNode, 'False'); kind(VarargNode, 'Vararg');
kind(IntNode, 'Int'); kind(FloatNode, 'Float'); kind(StringNode, 'String');
kind(FunctionNode, 'Function'); kind(TableNode, 'Table'); kind(BinaryNode, 'Binary');
kind(UnaryNode, 'Unary'); kind(ParenNode, 'Paren'); kind(NameNode, 'Name'); kind(IndexNode, 'Index');
kind(FieldNode, 'Field'); kind(CallNode, 'Call'); kind(MethodCallNode, 'MethodCall');
kind(NamedNode, 'Named'); kind(KeyedNode, 'Keyed');

// ------------------------------------------------------------ statements
// `next` is null until the parser links the block's list (ast.ts).

export class LocalNode {
  declare readonly kind: 'Local';
  declare next: A.Stat | null;
  declare line: number;
  declare names: A.List<A.Name>;
  declare attribs: A.LocalAttrib[];
  declare values: A.ExprList;
  constructor(line: number, names: A.List<A.Name>, attribs: A.LocalAttrib[], values: A.ExprList) {
    this.line = line;
    this.names = names;
    this.attribs = attribs;
    this.values = values;
    this.next = null;
  }
}
export class AssignNode {
  declare readonly kind: 'Assign';
  declare next: A.Stat | null;
  declare line: number;
  declare targets: A.List<A.Target>;
  declare values: A.ExprList;
  constructor(line: number, targets: A.List<A.Target>, values: A.ExprList) {
    this.line = line;
    this.targets = targets;
    this.values = values;
    this.next = null;
  }
}
export class CallStatNode {
  declare readonly kind: 'CallStat';
  declare next: A.Stat | null;
  declare line: number;
  declare call: A.CallExpr | A.MethodCallExpr;
  constructor(line: number, call: A.CallExpr | A.MethodCallExpr) {
    this.line = line;
    this.call = call;
    this.next = null;
  }
}
export class DoNode {
  declare readonly kind: 'Do';
  declare next: A.Stat | null;
  declare line: number;
  declare body: A.Block;
  declare endLine: number;
  constructor(line: number, body: A.Block, endLine: number) {
    this.line = line;
    this.body = body;
    this.endLine = endLine;
    this.next = null;
  }
}
export class WhileNode {
  declare readonly kind: 'While';
  declare next: A.Stat | null;
  declare line: number;
  declare cond: A.Expr;
  declare body: A.Block;
  declare endLine: number;
  constructor(line: number, cond: A.Expr, body: A.Block, endLine: number) {
    this.line = line;
    this.cond = cond;
    this.body = body;
    this.endLine = endLine;
    this.next = null;
  }
}
export class RepeatNode {
  declare readonly kind: 'Repeat';
  declare next: A.Stat | null;
  declare line: number;
  declare body: A.Block;
  declare endLine: number;
  declare cond: A.Expr;
  constructor(line: number, body: A.Block, endLine: number, cond: A.Expr) {
    this.line = line;
    this.body = body;
    this.endLine = endLine;
    this.cond = cond;
    this.next = null;
  }
}
export class IfNode {
  declare readonly kind: 'If';
  declare next: A.Stat | null;
  declare line: number;
  declare clauses: A.List<A.IfClause>;
  declare hasElse: boolean;
  declare orelse: A.Block;
  declare endLine: number;
  constructor(line: number, clauses: A.List<A.IfClause>, hasElse: boolean, orelse: A.Block, endLine: number) {
    this.line = line;
    this.clauses = clauses;
    this.hasElse = hasElse;
    this.orelse = orelse;
    this.endLine = endLine;
    this.next = null;
  }
}
export class NumericForNode {
  declare readonly kind: 'NumericFor';
  declare next: A.Stat | null;
  declare line: number;
  declare varName: string;
  declare varLine: number;
  declare start: A.Expr;
  declare limit: A.Expr;
  declare step: A.Expr | null;
  declare body: A.Block;
  declare endLine: number;
  constructor(line: number, varName: string, varLine: number, start: A.Expr, limit: A.Expr,
    step: A.Expr | null, body: A.Block, endLine: number) {
    this.line = line;
    this.varName = varName;
    this.varLine = varLine;
    this.start = start;
    this.limit = limit;
    this.step = step;
    this.body = body;
    this.endLine = endLine;
    this.next = null;
  }
}
export class GenericForNode {
  declare readonly kind: 'GenericFor';
  declare next: A.Stat | null;
  declare line: number;
  declare names: A.List<A.Name>;
  declare exprs: A.ExprList;
  declare body: A.Block;
  declare endLine: number;
  constructor(line: number, names: A.List<A.Name>, exprs: A.ExprList, body: A.Block, endLine: number) {
    this.line = line;
    this.names = names;
    this.exprs = exprs;
    this.body = body;
    this.endLine = endLine;
    this.next = null;
  }
}
export class FunctionStatNode {
  declare readonly kind: 'FunctionStat';
  declare next: A.Stat | null;
  declare line: number;
  declare path: A.Name[];
  declare method: string | null;
  declare func: A.FunctionExpr;
  constructor(line: number, path: A.Name[], method: string | null, func: A.FunctionExpr) {
    this.line = line;
    this.path = path;
    this.method = method;
    this.func = func;
    this.next = null;
  }
}
export class LocalFunctionNode {
  declare readonly kind: 'LocalFunction';
  declare next: A.Stat | null;
  declare line: number;
  declare name: string;
  declare nameLine: number;
  declare func: A.FunctionExpr;
  constructor(line: number, name: string, nameLine: number, func: A.FunctionExpr) {
    this.line = line;
    this.name = name;
    this.nameLine = nameLine;
    this.func = func;
    this.next = null;
  }
}
export class ReturnNode {
  declare readonly kind: 'Return';
  declare next: A.Stat | null;
  declare line: number;
  declare values: A.ExprList;
  constructor(line: number, values: A.ExprList) { this.line = line; this.values = values; this.next = null; }
}
export class BreakNode {
  declare readonly kind: 'Break';
  declare next: A.Stat | null;
  declare line: number;
  constructor(line: number) { this.line = line; this.next = null; }
}
export class GotoNode {
  declare readonly kind: 'Goto';
  declare next: A.Stat | null;
  declare line: number;
  declare label: string;
  constructor(line: number, label: string) { this.line = line; this.label = label; this.next = null; }
}
export class LabelNode {
  declare readonly kind: 'Label';
  declare next: A.Stat | null;
  declare line: number;
  declare label: string;
  constructor(line: number, label: string) { this.line = line; this.label = label; this.next = null; }
}

kind(LocalNode, 'Local'); kind(AssignNode, 'Assign'); kind(CallStatNode, 'CallStat'); kind(DoNode, 'Do');
kind(WhileNode, 'While'); kind(RepeatNode, 'Repeat'); kind(IfNode, 'If'); kind(NumericForNode, 'NumericFor');
kind(GenericForNode, 'GenericFor'); kind(FunctionStatNode, 'FunctionStat');
kind(LocalFunctionNode, 'LocalFunction'); kind(ReturnNode, 'Return'); kind(BreakNode, 'Break');
kind(GotoNode, 'Goto'); kind(LabelNode, 'Label');
