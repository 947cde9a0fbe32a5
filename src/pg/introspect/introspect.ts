// A live database → the schema model the readers produce, from one snapshot: the catalog
// queries run in one REPEATABLE READ transaction (or in the transaction a scratch database is
// already in), so what they see is one state of the database.
import type {
  Column, Comment, ObjectKey, Constraint, DefinedObject, DomainShape, Index, IndexKey, Policy, ReferentialAction, Schema, SqlFunction, Table, Trigger, TypeRef, UserType, View,
} from '../../schema/model.js';
import { emptySchema } from '../../schema/model.js';
import type { Database } from '../database.js';
import { ident, literal, qualified } from '../quote.js';
import { hasSupabase, SUPABASE_SCHEMAS } from '../supabase.js';
import * as catalog from './catalog.js';
import { constraintDefinition, indexDefinition, type PlainIndex } from './definitions.js';

export interface IntrospectOptions {
  /** The schemas to read; default every schema but PostgreSQL's own. */
  schemas?: string[];
  /** Already in a transaction (a scratch database holding a document): read there, as it stands. */
  inTransaction?: boolean;
}

/** An object of a kind the model does not hold: `rule public.orders.protect`. */
export interface Unmodelled {
  kind: string;
  name: string;
}

export interface Introspection {
  schema: Schema;
  /** The schemas read. */
  schemas: string[];
  unmodelled: Unmodelled[];
}

type Row = Record<string, any>;

// The catalog queries in shares of about the same server time: a server reads them in a
// connection each, at once, the others in the first's snapshot.
const SHARES = [
  ['schemas', 'extensions', 'relations', 'columns', 'types', 'collations', 'sequences', 'functions', 'aggregates', 'triggers', 'policies', 'privileges'],
  ['constraints', 'indexes', 'unmodelled', 'dependencies'],
] as const;
type Kind = (typeof SHARES)[number][number];

/** Names outside these print qualified, the same way on every database; a thousand tables' rows sort in memory. */
const SETTINGS = "SET LOCAL search_path = pg_catalog, public; SET LOCAL work_mem = '64MB'";

export async function introspect(db: Database, options: IntrospectOptions = {}): Promise<Introspection> {
  const { version, snapshot } = await begin(db, Boolean(options.inTransaction));
  try {
    const helpers = SHARES.slice(1).map(() => (snapshot === undefined ? Promise.resolve(undefined) : helperIn(db, snapshot)));
    const schemas = options.schemas ?? await userSchemas(db);
    const inSchemas = `ARRAY[${schemas.map(literal).join(', ')}]::pg_catalog.name[]`;
    const script = (kinds: readonly Kind[]) => kinds.map((kind) => catalog.forVersion(catalog.QUERIES[kind], version).replaceAll('$1', inSchemas)).join(';\n');
    const read = async (on: Database, kinds: readonly Kind[]) => (await on.queries(script(kinds))).map((result, i) => [kinds[i]!, result] as const);
    // Where a helper could not be had, the first connection reads its share too.
    const shares = SHARES.map((kinds, i) => (i === 0 ? read(db, kinds)
      : helpers[i - 1]!.then((h) => (h ? read(h, kinds).finally(() => h.close().catch(() => {})) : read(db, kinds)))));
    const rows = Object.fromEntries((await Promise.all(shares)).flat()) as Record<Kind, Row[]>;
    const schema = toSchema(rows);
    addRequirements(schema, rows.dependencies);
    return { schema, schemas, unmodelled: rows.unmodelled as Unmodelled[] };
  } finally {
    if (!options.inTransaction) await db.exec('COMMIT');
  }
}

/**
 * The transaction the catalog is read in (unless the caller's, `within`), and the server's
 * version; in a server's own transaction, a snapshot exported for other connections, where the
 * server gives one.
 */
async function begin(db: Database, within: boolean): Promise<{ version: number; snapshot?: string }> {
  const read = async (exported: boolean) => {
    const [, , [row]] = await db.queries(`${SETTINGS}; SELECT current_setting('server_version_num')::int AS version`
      + (exported ? ', pg_catalog.pg_export_snapshot() AS snapshot' : '')) as [unknown, unknown, [{ version: number; snapshot?: string }]];
    return row;
  };
  if (within) return read(false);
  await db.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  if (!db.another) return read(false);
  try {
    return await read(true);
  } catch {
    await db.exec('ROLLBACK; BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return read(false);
  }
}

/**
 * Another connection in the snapshot the first exported, so that all read one state of the
 * database; undefined when the server will not give one (too many connections …).
 */
async function helperIn(db: Database, snapshot: string): Promise<Database | undefined> {
  let helper: Database | undefined;
  try {
    helper = await db.another!();
    await helper.exec(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT ${literal(snapshot)}; ${SETTINGS}`);
    return helper;
  } catch {
    await helper?.close().catch(() => {});
    return undefined;
  }
}

/** Every schema but PostgreSQL's own, and, in a Supabase database (or its stand-in), but Supabase's. */
async function userSchemas(db: Database): Promise<string[]> {
  const names = (await db.query<{ name: string }>(catalog.USER_SCHEMAS)).map((r) => r.name);
  return await hasSupabase(db) ? names.filter((n) => !SUPABASE_SCHEMAS.includes(n)) : names;
}

/** What each object needs made before it, where pg_depend says (the order its kind is emitted in gives the rest). */
function addRequirements(schema: Schema, dependencies: Row[]): void {
  const needs = new Map<ObjectKey, ObjectKey[]>();
  for (const { key, requires } of dependencies) needs.set(key, [...(needs.get(key) ?? []), requires]);
  const add = (kind: string, objects: ({ schema?: string; name: string; requires: ObjectKey[] })[]) => {
    for (const o of objects) o.requires.push(...(needs.get(`${kind}:${o.schema}.${o.name}`) ?? []));
  };
  add('relation', schema.tables);
  add('relation', schema.views);
  add('type', schema.types);
  add('function', schema.functions);
  for (const index of schema.indexes) {
    const used = needs.get(`relation:${index.schema}.${index.name}`);
    if (used) index.requires = used;
  }
}

const ACTIONS: Record<string, ReferentialAction> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
const MATCH: Record<string, Constraint['match']> = { f: 'full', p: 'partial', s: 'simple' };
const CONSTRAINT_KINDS: Record<string, Constraint['kind']> = { p: 'primary key', u: 'unique', f: 'foreign key', c: 'check', x: 'exclude' };
const COMMANDS: Record<string, Policy['command']> = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' };

/** The JSON both drivers may hand back as text. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function toSchema(rows: Record<string, Row[]>): Schema {
  const schema = emptySchema();
  // A comment requires the object it is on: `constraint:public.users.users_email_key`.
  const comment = (targetKind: Comment['targetKind'], target: string, text: string | null, on: ObjectKey) => {
    if (text !== null) schema.comments.push({ targetKind, target, text, requires: [on], spans: [] });
  };
  for (const r of rows.schemas!) {
    schema.schemas.push({ name: r.name, spans: [] });
    comment('schema', ident(r.name), r.comment, `schema:${r.name}`);
  }
  for (const r of rows.extensions!) schema.extensions.push({ name: r.name, schema: r.schema, version: r.version, implied: false, spans: [] });

  const tables = new Map<string, Table>();
  const views = new Map<string, View>();
  // Column names by number, for the keys of constraints and indexes.
  const columnNames = new Map<string, Map<number, string>>();
  const columnName = (table: string, n: number) => columnNames.get(table)?.get(n);
  for (const r of rows.relations!) {
    if (r.kind === 'v' || r.kind === 'm') {
      const v = view(r);
      views.set(`${r.schema}.${r.name}`, v);
      schema.views.push(v);
      continue;
    }
    const table: Table = {
      schema: r.schema, name: r.name, columns: [], constraints: [], rowLevelSecurity: r.rls, forceRowLevelSecurity: r.force_rls,
      requires: [], spans: [],
      ...(r.unlogged ? { unlogged: true } : {}),
      ...(r.partition_by ? { partitionBy: `PARTITION BY ${r.partition_by}` } : {}),
      ...(r.comment !== null ? { comment: r.comment } : {}),
    };
    const parents = json<[string, string][] | null>(r.parents)?.map(([s, name]) => ({ schema: s, name })) ?? [];
    if (r.bound !== null && parents[0]) table.partitionOf = { table: parents[0], bound: r.bound };
    else if (parents.length) table.inherits = parents;
    tables.set(`${r.schema}.${r.name}`, table);
    schema.tables.push(table);
  }
  // Columns of one type share its TypeRef: a thousand tables' columns are a handful of types.
  const types = new Map<string, TypeRef>();
  // The query does not sort (a sort of every column costs more than the rest of it): the rows
  // come in each table's order of columns but where the server's plan says otherwise.
  const unordered = new Map<Table | View, Map<number, string>>();
  let lastAt = '';
  let lastNumber = 0;
  for (const r of rows.columns!) {
    const at = `${r.schema}.${r.table}`;
    let numbers = columnNames.get(at);
    if (!numbers) columnNames.set(at, (numbers = new Map()));
    numbers.set(r.number, r.name);
    const table = tables.get(at) ?? views.get(at);
    if (table && numbers.size > 1 && (lastAt !== at || lastNumber > r.number)) unordered.set(table, numbers);
    lastAt = at;
    lastNumber = r.number;
    if (!table) continue;
    const typeKey = `${r.type_schema}.${r.type_name}:${r.type}`;
    let type = types.get(typeKey);
    if (!type) types.set(typeKey, (type = typeRef(r)));
    const column: Column = { name: r.name, type, notNull: r.not_null, spans: [] };
    if (r.default !== null) column.default = r.default;
    if (r.generated !== null) column.generated = r.generated;
    if (r.identity) column.identity = r.identity === 'a' ? 'always' : 'by default';
    if (r.collation !== null) column.collation = r.collation;
    if (!r.local) column.inherited = true;
    if (r.comment !== null) column.comment = r.comment;
    table.columns!.push(column);
  }
  for (const [table, numbers] of unordered) {
    const position = new Map([...numbers].map(([n, name]) => [name, n]));
    table.columns!.sort((a, b) => position.get(a.name)! - position.get(b.name)!);
  }
  for (const r of rows.constraints!) {
    const table = tables.get(`${r.schema}.${r.table}`)!;
    const names = (table: string, numbers: number[] | null) => (numbers ?? []).map((n) => columnName(table, n)!);
    const at = `${r.schema}.${r.table}`;
    const indexKeys = json<number[] | null>(r.index_keys) ?? [];
    table.constraints.push(constraint(r, names(at, json(r.keys)),
      json<string[] | null>(r.ref_columns) ?? names(`${r.ref_schema}.${r.ref_table}`, json(r.ref_keys)),
      names(at, indexKeys.slice(r.key_count ?? indexKeys.length))));
    comment('constraint', `${ident(r.name)} ON ${qualified({ schema: r.schema, name: r.table })}`, r.comment, `constraint:${r.schema}.${r.table}.${r.name}`);
  }
  for (const r of rows.indexes!) {
    schema.indexes.push(index(r, (n) => columnName(`${r.schema}.${r.table}`, n)!));
    comment('index', qualified({ schema: r.schema, name: r.name }), r.comment, `relation:${r.schema}.${r.name}`);
  }
  for (const r of rows.types!) {
    if (r.kind === 'e') schema.enums.push({ schema: r.schema, name: r.name, values: json(r.labels), spans: [], ...(r.comment !== null ? { comment: r.comment } : {}) });
    else {
      const type: UserType = defined(r, typeDefinition(r));
      if (r.kind === 'd') type.domain = domainShape(r);
      schema.types.push(type);
      comment('type', qualified({ schema: r.schema, name: r.name }), r.comment, `type:${r.schema}.${r.name}`);
    }
  }
  for (const r of rows.collations!) {
    schema.collations.push(defined(r, collationDefinition(r)));
    comment('collation', qualified({ schema: r.schema, name: r.name }), r.comment, `collation:${r.schema}.${r.name}`);
  }
  for (const r of rows.sequences!) {
    schema.sequences.push(defined(r, sequenceDefinition(r)));
    comment('sequence', qualified({ schema: r.schema, name: r.name }), r.comment, `relation:${r.schema}.${r.name}`);
  }
  for (const r of rows.functions!) {
    const argumentTypes = r.argument_types ? String(r.argument_types).split(', ') : [];
    const fn: SqlFunction = { ...defined(r, r.definition), kind: r.kind === 'p' ? 'procedure' : 'function', argumentTypes, language: r.language };
    schema.functions.push(fn);
    comment('function', `${qualified({ schema: r.schema, name: r.name })}(${argumentTypes.join(', ')})`, r.comment, `function:${r.schema}.${r.name}`);
  }
  for (const r of rows.aggregates!) {
    const argumentTypes = r.argument_types ? String(r.argument_types).split(', ') : [];
    schema.functions.push({ ...defined(r, r.definition), kind: 'aggregate', argumentTypes, language: 'internal' });
    comment('aggregate', `${qualified({ schema: r.schema, name: r.name })}(${argumentTypes.join(', ') || '*'})`, r.comment, `function:${r.schema}.${r.name}`);
  }
  for (const r of rows.triggers!) {
    const trigger: Trigger = {
      name: r.name, definition: r.definition, requires: [], spans: [],
      table: { schema: r.schema, name: r.table }, function: { schema: r.function_schema, name: r.function },
    };
    schema.triggers.push(trigger);
    comment('trigger', `${ident(r.name)} ON ${qualified({ schema: r.schema, name: r.table })}`, r.comment, `trigger:${r.schema}.${r.table}.${r.name}`);
  }
  for (const r of rows.policies!) {
    schema.policies.push({
      name: r.name, table: { schema: r.schema, name: r.table }, command: COMMANDS[r.command] ?? 'all', permissive: r.permissive,
      roles: json(r.roles), requires: [], spans: [],
      ...(r.using !== null ? { using: r.using } : {}),
      ...(r.with_check !== null ? { withCheck: r.with_check } : {}),
    });
    comment('policy', `${ident(r.name)} ON ${qualified({ schema: r.schema, name: r.table })}`, r.comment, `policy:${r.schema}.${r.table}.${r.name}`);
  }
  for (const r of rows.privileges!) {
    const object = r.name === null ? ident(r.schema) : `${qualified({ schema: r.schema, name: r.name })}${r.arguments === null ? '' : `(${r.arguments})`}`;
    schema.grants.push({ objectKind: r.kind, object, grantee: r.grantee, privilege: r.privilege, grantable: r.grantable, requires: [r.requires], spans: [] });
  }
  return schema;
}

/** `character varying(255)`, `numeric(15,2)`, `public.mood[]` as format_type prints them. */
function typeRef(r: Row): TypeRef {
  const modifiers = /\(([^)]*)\)/.exec(r.type)?.[1]?.split(',').map((m: string) => m.trim()) ?? [];
  return {
    name: r.type_name, modifiers, arrayDimensions: r.dimensions, sql: r.type,
    ...(r.type_schema !== 'pg_catalog' ? { schema: r.type_schema } : {}),
  };
}

function constraint(r: Row, columns: string[], refColumns: string[], include: string[]): Constraint {
  // Assigned field by field: thousands of constraints, and no object made only to be spread.
  const kind = CONSTRAINT_KINDS[r.kind]!;
  const c: Constraint = { name: r.name, kind, columns, spans: [] };
  if (kind === 'foreign key') {
    c.references = { schema: r.ref_schema, name: r.ref_table, columns: refColumns };
    c.onDelete = ACTIONS[r.on_delete]!;
    c.onUpdate = ACTIONS[r.on_update]!;
    c.match = MATCH[r.match]!;
  }
  if (kind === 'check') c.expression = r.expression;
  else if (kind === 'exclude') c.expression = r.definition;
  if (r.nulls_not_distinct) c.nullsNotDistinct = true;
  if (r.deferrable) c.deferrable = true;
  if (r.deferred) c.initiallyDeferred = true;
  if (!r.validated) c.notValid = true;
  if (!r.local) c.inherited = true;
  c.definition = r.definition ?? constraintDefinition(c, include);
  return c;
}

// pg_index.indoption bits.
const DESC = 1;
const NULLS_FIRST = 2;

function index(r: Row, columnName: (n: number) => string): Index {
  const numbers = json<number[]>(r.keys);
  const options = json<number[]>(r.options);
  const texts = json<string[] | null>(r.key_texts);
  const key = (n: number, k: number): IndexKey => {
    const option = options[k]!;
    const found: IndexKey = n === 0 ? { expression: texts![k]! } : { column: columnName(n) };
    if (option & DESC) found.descending = true;
    if (option & NULLS_FIRST && !(option & DESC)) found.nullsFirst = true;
    else if (!(option & NULLS_FIRST) && option & DESC) found.nullsFirst = false;
    return found;
  };
  const plain: PlainIndex = {
    schema: r.schema, name: r.name, table: r.table, unique: r.unique, method: r.method,
    keys: numbers.slice(0, r.key_count).map(key), include: numbers.slice(r.key_count).map((n, k) => (n === 0 ? texts![r.key_count + k]! : columnName(n))),
  };
  if (r.where !== null) plain.where = r.where;
  if (r.nulls_not_distinct) plain.nullsNotDistinct = true;
  return { ...plain, table: { schema: r.schema, name: r.table }, definition: r.definition ?? indexDefinition(plain), spans: [] };
}

function view(r: Row): View {
  const materialized = r.kind === 'm';
  const query = String(r.query).trim().replace(/;$/, '');
  return {
    schema: r.schema, name: r.name, materialized, query, columns: [], requires: [], spans: [],
    definition: `CREATE ${materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified({ schema: r.schema, name: r.name })} AS\n${query}`,
    ...(r.comment !== null ? { comment: r.comment } : {}),
  };
}

function defined(r: Row, definition: string): DefinedObject {
  return { schema: r.schema, name: r.name, definition, requires: [], spans: [] };
}

/** A domain's base type (an array's by its element, as columns have theirs) and its rules. */
function domainShape(r: Row): DomainShape {
  const [name, schema, dimensions] = json<[string, string, number]>(r.base_type);
  const checks = (json<[string, string][] | null>(r.checks) ?? []).map(([, def]) => def.replace(/^CHECK \((.*)\)( NOT VALID)?$/s, '$1'));
  const shape: DomainShape = { base: typeRef({ type: r.base, type_name: name, type_schema: schema, dimensions }), notNull: r.not_null, checks };
  if (r.default !== null) shape.default = r.default;
  return shape;
}

function typeDefinition(r: Row): string {
  const name = qualified({ schema: r.schema, name: r.name });
  switch (r.kind) {
    case 'd': {
      const checks = json<[string, string][] | null>(r.checks) ?? [];
      return `CREATE DOMAIN ${name} AS ${r.base}${r.default !== null ? ` DEFAULT ${r.default}` : ''}${r.not_null ? ' NOT NULL' : ''}`
        + checks.map(([n, def]) => ` CONSTRAINT ${ident(n)} ${def}`).join('');
    }
    case 'r': return `CREATE TYPE ${name} AS RANGE (subtype = ${r.subtype})`;
    default: return `CREATE TYPE ${name} AS (${json<[string, string][]>(r.attributes).map(([a, t]) => `${ident(a)} ${t}`).join(', ')})`;
  }
}

const PROVIDERS: Record<string, string> = { i: 'icu', c: 'libc', b: 'builtin' };

function collationDefinition(r: Row): string {
  const options = [`provider = ${PROVIDERS[r.provider] ?? 'libc'}`];
  // ICU's locale is in collcollate before PostgreSQL 15.
  const locale = r.locale ?? (r.provider === 'c' ? null : r.collate);
  if (locale !== null) options.push(`locale = ${literal(locale)}`);
  else options.push(`lc_collate = ${literal(r.collate)}`, `lc_ctype = ${literal(r.ctype)}`);
  if (!r.deterministic) options.push('deterministic = false');
  return `CREATE COLLATION ${qualified({ schema: r.schema, name: r.name })} (${options.join(', ')})`;
}

/** The bounds an ascending sequence of the type has unless told otherwise. */
export const TYPE_MAX: Record<string, string> = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' };

function sequenceDefinition(r: Row): string {
  const options = [
    r.type !== 'bigint' ? `AS ${r.type}` : '',
    r.start !== r.min ? `START WITH ${r.start}` : '',
    r.increment !== '1' ? `INCREMENT BY ${r.increment}` : '',
    r.min !== '1' ? `MINVALUE ${r.min}` : '',
    r.max !== TYPE_MAX[r.type] ? `MAXVALUE ${r.max}` : '',
    r.cache !== '1' ? `CACHE ${r.cache}` : '',
    r.cycle ? 'CYCLE' : '',
  ].filter(Boolean);
  const owner = json<[string, string, string] | null>(r.owned_by);
  return `CREATE SEQUENCE ${qualified({ schema: r.schema, name: r.name })}${options.map((o) => ` ${o}`).join('')}`
    + `${owner ? ` OWNED BY ${qualified({ schema: owner[0], name: owner[1] })}.${ident(owner[2])}` : ''}`;
}
