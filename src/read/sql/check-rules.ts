// A column's CHECK constraint, as rules a validator can hold: PostgreSQL's own printing of the
// expression, parsed by its parser, read for the forms people write (IN lists, comparisons,
// ranges, which PostgreSQL prints as two comparisons, lengths, regular expressions, IS NOT
// NULL), joined by AND. What is not one of those forms is left to the database, and said so.
import type { Node } from './ast.js';
import { parseSql } from './parser.js';

export type CheckRule =
  | { kind: 'values'; values: (string | number)[]; negated: boolean }
  | { kind: 'compare'; op: Comparison; value: number }
  | { kind: 'length'; op: Comparison; value: number; trimmed: boolean }
  | { kind: 'regex'; pattern: string; flags: string; negated: boolean }
  | { kind: 'not null' };

export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '<>';

export interface CheckReading {
  rules: CheckRule[];
  /** Part of the expression (or all of it) is not a form a validator holds. */
  unexpressed: boolean;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '=', '<>']);
const FLIPPED: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '<>': '<>' };

/** The rules of `expression` on `column` (`value` in a domain's CHECK). */
export function readCheck(expression: string, column: string): CheckReading {
  let tree: Node;
  try {
    tree = parseSql(`SELECT (${expression})`).stmts?.[0]?.stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
  } catch {
    return { rules: [], unexpressed: true };
  }
  const reading: CheckReading = { rules: [], unexpressed: false };
  for (const part of conjuncts(tree)) {
    const rule = ruleOf(part, column);
    if (rule) reading.rules.push(rule);
    else reading.unexpressed = true;
  }
  return reading;
}

function conjuncts(node: Node): Node[] {
  return node?.BoolExpr?.boolop === 'AND_EXPR' ? node.BoolExpr.args.flatMap(conjuncts) : [node];
}

function ruleOf(node: Node, column: string): CheckRule | undefined {
  if (node?.NullTest) return node.NullTest.nulltesttype === 'IS_NOT_NULL' && isColumn(node.NullTest.arg, column) ? { kind: 'not null' } : undefined;
  const e = node?.A_Expr;
  if (!e) return undefined;
  const op = e.name?.[0]?.String?.sval as string | undefined;
  if (e.kind === 'AEXPR_OP_ANY' || e.kind === 'AEXPR_OP_ALL' || e.kind === 'AEXPR_IN') {
    const negated = op === '<>';
    if ((op !== '=' && !negated) || !isColumn(e.lexpr, column)) return undefined;
    if ((e.kind === 'AEXPR_OP_ANY' && negated) || (e.kind === 'AEXPR_OP_ALL' && !negated)) return undefined;
    const items = e.kind === 'AEXPR_IN' ? e.rexpr?.List?.items : uncast(e.rexpr)?.A_ArrayExpr?.elements;
    const values = (items as Node[] | undefined)?.map(constant);
    return values?.length && values.every((v) => v !== undefined) ? { kind: 'values', values: values as (string | number)[], negated } : undefined;
  }
  if (e.kind !== 'AEXPR_OP' || !op) return undefined;
  if (op === '~' || op === '~*' || op === '!~' || op === '!~*') {
    const pattern = constant(e.rexpr);
    if (!isColumn(e.lexpr, column) || typeof pattern !== 'string' || !portableRegex(pattern)) return undefined;
    return { kind: 'regex', pattern, flags: op.endsWith('*') ? 'i' : '', negated: op.startsWith('!') };
  }
  if (!COMPARISONS.has(op)) return undefined;
  // `column > 0` or `0 < column`; `length(column) <= 80`.
  for (const [side, other, comparison] of [[e.lexpr, e.rexpr, op], [e.rexpr, e.lexpr, FLIPPED[op as Comparison]]] as [Node, Node, Comparison][]) {
    const value = constant(other);
    if (typeof value !== 'number') {
      if (typeof value === 'string' && isColumn(side, column) && (comparison === '=' || comparison === '<>')) {
        return { kind: 'values', values: [value], negated: comparison === '<>' };
      }
      continue;
    }
    if (isColumn(side, column)) return { kind: 'compare', op: comparison, value };
    const length = lengthOf(side, column);
    if (length) return { kind: 'length', op: comparison, value, trimmed: length === 'trimmed' };
  }
  return undefined;
}

/** A column reference, through the casts PostgreSQL prints around it (`(status)::text`). */
function isColumn(node: Node, column: string): boolean {
  const fields = uncast(node)?.ColumnRef?.fields as Node[] | undefined;
  return fields?.length === 1 && fields[0]?.String?.sval === column;
}

function uncast(node: Node): Node {
  while (node?.TypeCast) node = node.TypeCast.arg;
  return node;
}

/** A number or string constant, through casts: `'-1'::integer` is -1, `(0)::numeric` is 0. */
function constant(node: Node): string | number | undefined {
  const cast = node?.TypeCast?.typeName?.names?.at(-1)?.String?.sval as string | undefined;
  const c = uncast(node)?.A_Const;
  if (!c) return undefined;
  if (c.ival) return c.ival.ival ?? 0;
  if (c.fval) return Number(c.fval.fval);
  if (c.sval) {
    const text = c.sval.sval ?? '';
    return cast && NUMERIC_CASTS.has(cast) && /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : text;
  }
  return undefined;
}

const NUMERIC_CASTS = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8']);

/** `length(column)`, `char_length(column)`, and the same of `btrim(column)` (`TRIM(BOTH FROM column)`). */
function lengthOf(node: Node, column: string): 'plain' | 'trimmed' | undefined {
  const call = uncast(node)?.FuncCall;
  const name = call?.funcname?.at(-1)?.String?.sval;
  if (!call || !['length', 'char_length', 'character_length'].includes(name) || call.args?.length !== 1) return undefined;
  const argument = uncast(call.args[0]);
  if (isColumn(argument, column)) return 'plain';
  const inner = argument?.FuncCall;
  return inner?.funcname?.at(-1)?.String?.sval === 'btrim' && inner.args?.length === 1 && isColumn(inner.args[0], column) ? 'trimmed' : undefined;
}

/** A POSIX regular expression that JavaScript reads the same way: no classes like `[[:alpha:]]`, word boundaries `\m`, `\y`, or embedded options. */
function portableRegex(pattern: string): boolean {
  if (/\[\[:|\\[mMyYAZ]|^\*\*\*|\(\?[a-z]/.test(pattern)) return false;
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
