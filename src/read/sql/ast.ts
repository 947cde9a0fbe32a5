// Small helpers over libpg-query's JSON AST. Expressions are printed back to SQL with
// pgsql-deparser, so the model holds PostgreSQL's grammar, never the document's spelling.
import { deparseSync } from 'pgsql-deparser';
import type { ObjectKey, QualifiedName, TypeRef } from '../../schema/model.js';
import { BUILT_IN_TYPES } from '../../schema/builtins.js';
import { objectKey } from '../../schema/names.js';
import { parseSql } from './parser.js';

// The AST is JSON whose shape depends on the node; helpers read it defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

/** `[{String:{sval:'a'}}, {String:{sval:'b'}}]` → `['a', 'b']`. */
export function strings(list: Node[] | undefined): string[] {
  const out: string[] = [];
  for (const n of list ?? []) {
    const s = n?.String?.sval ?? n?.sval;
    if (s) out.push(s);
  }
  return out;
}

/** How many fields an AST node has (`Object.keys(node).length` without the array). */
function fieldCount(node: Node): number {
  let count = 0;
  for (const _ in node) count++;
  return count;
}

export function rangeVarName(rv: Node): QualifiedName {
  return rv.schemaname ? { schema: rv.schemaname, name: rv.relname } : { name: rv.relname };
}

/** A dotted name list (`['auth', 'uid']`) as a qualified name. */
export function listName(list: Node[] | undefined): QualifiedName {
  const parts = strings(list);
  const name = parts[parts.length - 1] ?? '';
  return parts.length > 1 ? { schema: parts[parts.length - 2], name } : { name };
}

/** Prints an expression, type or clause node back as SQL. */
export function sql(node: Node): string {
  return deparseSync(node).trim();
}

const printed = new Map<string, string>();

/** A node's identity without its `location`s: equal keys print to equal SQL. */
function nodeKey(node: Node): string {
  return simpleKey(node) ?? fullKey(node);
}

/**
 * The shapes documents repeat most (`0`, `'active'`, `now()`, `text`, `varchar(32)`,
 * `'{}'::jsonb`), keyed without walking them; undefined for any other shape.
 */
function simpleKey(node: Node): string | undefined {
  const constant = node.A_Const;
  if (constant) {
    if (constant.ival) return `i${constant.ival.ival ?? 0}`;
    if (constant.sval) return `s${JSON.stringify(constant.sval.sval ?? '')}`;
    if (constant.fval) return `f${constant.fval.fval}`;
    if (constant.boolval) return `b${constant.boolval.boolval ?? false}`;
    return constant.isnull ? 'null' : undefined;
  }
  const call = node.FuncCall;
  if (call && !call.args && !call.agg_star && !call.over && call.funcformat === 'COERCE_EXPLICIT_CALL' && fieldCount(call) <= 3) {
    return `F${strings(call.funcname).join('.')}`;
  }
  if (node.names && fieldCount(node) <= 5) {
    // A TypeName: names, integer modifiers, array bounds.
    let typmods = '';
    for (const m of node.typmods ?? []) {
      const ival = m.A_Const?.ival;
      if (!ival) return undefined;
      typmods += `${ival.ival ?? 0},`;
    }
    return `T${strings(node.names).join('.')}(${typmods})${node.arrayBounds?.length ?? 0}${node.setof ? 's' : ''}${node.pct_type ? '%' : ''}`;
  }
  const cast = node.TypeCast;
  if (cast && fieldCount(cast) <= 3) {
    const argument = simpleKey(cast.arg);
    const type = argument === undefined ? undefined : simpleKey(cast.typeName);
    if (type !== undefined) return `C${argument}::${type}`;
  }
  return undefined;
}

function fullKey(node: Node): string {
  if (node === null || typeof node !== 'object') return JSON.stringify(node) ?? '';
  if (Array.isArray(node)) return `[${node.map(fullKey).join(',')}]`;
  let key = '{';
  for (const field in node) if (field !== 'location') key += `${field}:${fullKey(node[field])},`;
  return `${key}}`;
}

/** `sql` for expressions, which documents repeat (`now()`, `'{}'::jsonb`, `0`): each is printed once. */
export function expression(node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  const key = nodeKey(node);
  let text = printed.get(key);
  if (text === undefined) {
    text = sql(node);
    if (key.length < 500) printed.set(key, text);
  }
  return text;
}


/**
 * A type as the document wrote it; `name` is PostgreSQL's internal name (`int4`, `varchar`).
 * Documents repeat a handful of types thousands of times: each spelling is printed once, and
 * its columns share one TypeRef (read-only): two objects fewer per column than a copy each.
 */
export function typeRef(typeName: Node): TypeRef {
  const key = nodeKey(typeName);
  let ref = typeRefs.get(key);
  if (!ref) {
    const parts = strings(typeName.names);
    const name = parts[parts.length - 1] ?? '';
    const schema = parts.length > 1 && parts[0] !== 'pg_catalog' ? parts[parts.length - 2] : undefined;
    const modifiers: string[] = (typeName.typmods ?? []).map((m: Node) => sql(m));
    const arrayDimensions: number = (typeName.arrayBounds ?? []).length;
    const text = sql({ TypeName: typeName });
    // Literals, not a spread: a spread's objects do not share a hidden class with the literal's.
    ref = schema ? { name, schema, modifiers, arrayDimensions, sql: text } : { name, modifiers, arrayDimensions, sql: text };
    typeRefs.set(key, ref);
  }
  return ref;
}

const typeRefs = new Map<string, TypeRef>();

export interface References {
  relations: QualifiedName[];
  functions: QualifiedName[];
  types: QualifiedName[];
  /** The tables and columns foreign keys refer to (the columns are empty for the primary key). */
  foreignKeys: { table: QualifiedName; columns: string[] }[];
}

export function noReferences(): References {
  return { relations: [], functions: [], types: [], foreignKeys: [] };
}

const TYPE_NAME_FIELDS = new Set(['TypeName', 'typeName', 'argType', 'returnType', 'ofTypename']);

/** Every relation, function and type a statement or expression names (one walk per statement). */
export function collectReferences(node: Node): References {
  const refs = noReferences();
  if (typeof node === 'object' && node !== null) visitReferences(node, refs);
  return refs;
}

// A function of the module, not a closure per call: its optimized code outlives a full collection.
function visitReferences(n: Node, refs: References): void {
  if (Array.isArray(n)) {
    for (const item of n) if (typeof item === 'object' && item !== null) visitReferences(item, refs);
    return;
  }
  for (const key in n) {
    const value = n[key];
    if (typeof value !== 'object' || value === null) continue;
    if (key === 'RangeVar') refs.relations.push(rangeVarName(value));
    else if (key === 'Constraint' && value.contype === 'CONSTR_FOREIGN' && value.pktable) {
      refs.foreignKeys.push({ table: rangeVarName(value.pktable), columns: strings(value.pk_attrs) });
    } else if (key === 'FuncCall') {
      refs.functions.push(listName(value.funcname));
      const sequence = sequenceArgument(value);
      if (sequence) refs.relations.push(sequence);
    }
    // Type names appear wrapped (`TypeName`) in expressions and bare in column and parameter fields.
    else if (TYPE_NAME_FIELDS.has(key) && Array.isArray(value.names)) refs.types.push(listName(value.names));
    visitReferences(value, refs);
  }
}

const SEQUENCE_FUNCTIONS = new Set(['nextval', 'currval', 'setval']);

/** `nextval('public.orders_id_seq'::regclass)`: the sequence a default uses, named in a string. */
function sequenceArgument(call: Node): QualifiedName | undefined {
  const names: Node[] | undefined = call.funcname;
  if (!names?.length || !SEQUENCE_FUNCTIONS.has(names[names.length - 1]?.String?.sval)) return undefined;
  let argument = call.args?.[0];
  if (argument?.TypeCast) argument = argument.TypeCast.arg;
  const text: unknown = argument?.A_Const?.sval?.sval;
  return typeof text === 'string' ? regclassName(text) : undefined;
}

/** A relation name written in a string (`'Orders_seq'`, `'"Orders".seq'`), folded as PostgreSQL folds it. */
export function regclassName(text: string): QualifiedName | undefined {
  const parts = text.match(/"(?:[^"]|"")*"|[^."]+/g)?.map((p) => (p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p.trim().toLowerCase()));
  if (!parts?.length || parts.length > 2) return undefined;
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! };
}

/** Dependency keys for ordering, each once: relations (tables and views), functions, types, and the schemas they name. */
export function requiredKeys(refs: References): ObjectKey[] {
  const keys: ObjectKey[] = [];
  for (const r of refs.relations) addKey(keys, 'relation', r);
  for (const f of refs.functions) addKey(keys, 'function', f);
  for (const t of refs.types) addKey(keys, 'type', t);
  return keys;
}

function addKey(keys: ObjectKey[], kind: string, name: QualifiedName): void {
  // PostgreSQL's own types order nothing (an unqualified one is found in pg_catalog first).
  if (name.schema === 'pg_catalog' || (kind === 'type' && name.schema === undefined && BUILT_IN_TYPES.has(name.name))) return;
  const key = objectKey(kind, name);
  if (!keys.includes(key)) keys.push(key);
  if (name.schema && !keys.includes(`schema:${name.schema}`)) keys.push(`schema:${name.schema}`);
}


/**
 * Parses SQL that schemadoc writes from a table row or a bullet: its one statement, or the
 * parser's message. Text of the document that ends the statement and starts another
 * (`DEFAULT 'x'); DROP TABLE users; --`) is an error, never a second statement.
 */
export function parseOne(text: string): { kind: string; node: Node } | { error: string } {
  try {
    const stmts: Node[] = parseSql(text).stmts ?? [];
    if (stmts.length > 1) return { error: 'the text ends one statement and starts another (a ; or an unbalanced quote or parenthesis)' };
    const stmt: Node = stmts[0]?.stmt;
    if (!stmt) return { error: 'no statement' };
    const kind = Object.keys(stmt)[0]!;
    return { kind, node: stmt[kind] };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The columns an expression written as text refers to, in order (`is_active = true` → `['is_active']`). */
export function collectColumns(expressionText: string): string[] {
  const parsed = parseOne(`SELECT 1 WHERE ${expressionText}`);
  if ('error' in parsed) return [];
  const columns: string[] = [];
  const visit = (n: Node): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const key in n) {
      if (key === 'ColumnRef') {
        const name = strings(n[key].fields).pop();
        if (name && !columns.includes(name)) columns.push(name);
      } else visit(n[key]);
    }
  };
  visit(parsed.node.whereClause);
  return columns;
}
