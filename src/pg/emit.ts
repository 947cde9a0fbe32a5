// Schema → the PostgreSQL script that creates it: the document's own statements as written,
// in their order, and what the model holds that no statement of the document writes (tables
// from column tables and diagrams, repaired tables, implied extensions …), each placed where
// the document describes it and after what it uses; SET statements where a setting changes.
import type {
  Column, Constraint, Index, IndexKey, ObjectKey, Policy, QualifiedName, Schema, Setting, Span, StatementKind, Table,
} from '../schema/model.js';
import { knownProvides } from '../schema/extensions.js';
import { displayName, objectKey } from '../schema/names.js';
import { orderByDependencies } from './order.js';
import { ident, identList, literal, qualified } from './quote.js';

export interface DdlStatement {
  sql: string;
  /** What it creates, for summaries and messages: `table users`, `index ix_user_email`. */
  kind: StatementKind;
  name: string;
  /** Where the document describes the object; a failure is reported there. */
  spans: Span[];
  provides: ObjectKey[];
  requires: ObjectKey[];
  /** The document's statement as written, schemadoc's from the model, or a SET for the settings that follow. */
  origin: 'script' | 'model' | 'setting';
}

interface Placed extends DdlStatement {
  settings: Setting[];
  /** Where it stands in the documents: file, line, column, and then the script before the model. */
  at: [number, number, number, number];
}

export function emitStatements(schema: Schema): DdlStatement[] {
  const files = new Map<string, number>();
  const place = (span: Span | undefined, after: number): Placed['at'] => {
    if (!span) return [0, 0, 0, after];
    let file = files.get(span.file);
    if (file === undefined) files.set(span.file, (file = files.size));
    return [file, span.line, span.column, after];
  };
  const out: Placed[] = [];
  for (const s of schema.script) {
    out.push({ ...s, sql: `${s.sql};`, origin: 'script', at: place(s.spans[0], 1) });
  }
  const add = (kind: StatementKind, name: string, sql: string, spans: Span[], provides: ObjectKey[] = [], requires: ObjectKey[] = []) => {
    // At the same place as a statement of the script (an extension it implies), before it.
    out.push({ sql, kind, name, spans, provides, requires, origin: 'model', settings: [], at: place(spans[0], 0) });
  };
  for (const s of schema.schemas) if (!s.asWritten) add('schema', s.name, `CREATE SCHEMA IF NOT EXISTS ${ident(s.name)};`, s.spans, [`schema:${s.name}`]);
  for (const e of schema.extensions) {
    if (e.asWritten) continue;
    const where = e.schema ? ` SCHEMA ${ident(e.schema)}` : '';
    add('extension', e.name, `CREATE EXTENSION IF NOT EXISTS ${ident(e.name)}${where};`, e.spans,
      [`extension:${e.name}`, ...extensionProvides(e.name, e.schema)], e.schema ? [`schema:${e.schema}`] : []);
  }
  for (const e of schema.enums) {
    if (e.asWritten) continue;
    add('type', displayName(e), `CREATE TYPE ${qualified(e)} AS ENUM (${e.values.map(literal).join(', ')});`, e.spans, [objectKey('type', e)], schemaOf(e));
  }
  for (const c of schema.collations) if (!c.asWritten) add('collation', displayName(c), `${c.definition};`, c.spans, [objectKey('collation', c)], schemaOf(c));
  for (const t of schema.types) if (!t.asWritten) add('type', displayName(t), `${t.definition};`, t.spans, [objectKey('type', t)], [...t.requires, ...schemaOf(t)]);
  for (const s of schema.sequences) if (!s.asWritten) add('sequence', displayName(s), `${s.definition};`, s.spans, [objectKey('relation', s)], [...s.requires, ...schemaOf(s)]);
  for (const table of schema.tables) if (!table.asWritten) emitTable(table, add);
  for (const index of schema.indexes) if (!index.asWritten) emitIndex(index, add);
  for (const v of schema.views) {
    if (v.asWritten) continue;
    add(v.materialized ? 'materialized view' : 'view', displayName(v), `${v.definition};`, v.spans,
      [objectKey('relation', v), objectKey('type', v)], [...v.requires, ...schemaOf(v)]);
  }
  for (const f of schema.functions) if (!f.asWritten) add('function', displayName(f), `${f.definition};`, f.spans, [objectKey('function', f)], [...f.requires, ...schemaOf(f)]);
  for (const t of schema.triggers) {
    if (!t.asWritten) add('trigger', `${t.name} on ${displayName(t.table)}`, `${t.definition};`, t.spans, [], [objectKey('relation', t.table), ...t.requires]);
  }
  for (const p of schema.policies) if (!p.asWritten) emitPolicy(p, add);
  for (const c of schema.comments) {
    if (!c.asWritten) add('comment', `${c.targetKind} ${c.target}`, `COMMENT ON ${c.targetKind.toUpperCase()} ${c.target} IS ${literal(c.text)};`, c.spans, [], c.requires);
  }
  out.sort((a, b) => compareAt(a.at, b.at));
  return withSettings(orderByDependencies(out));
}

function compareAt(a: Placed['at'], b: Placed['at']): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
}

/** The whole script of a schema as text. */
export function emitSql(schema: Schema): string {
  return scriptText(emitStatements(schema));
}

/** Statements as one script, as `schemadoc sql` prints them. */
export function scriptText(statements: DdlStatement[]): string {
  return statements.map((s) => s.sql).join('\n\n') + '\n';
}

/** Each statement runs with the settings it was written under: a SET (or RESET) goes before it where they change. */
function withSettings(ordered: Placed[]): DdlStatement[] {
  const out: DdlStatement[] = [];
  const session = new SessionSettings();
  for (const { settings, at: _, ...statement } of ordered) {
    for (const sql of session.change(settings)) {
      out.push({ sql, kind: 'setting', name: sql, spans: [], provides: [], requires: [], origin: 'setting' });
    }
    out.push(statement);
  }
  return out;
}

/** The settings of a session, and the SET and RESET statements that give it others. */
export class SessionSettings {
  private current = new Map<string, string>();

  change(settings: Setting[]): string[] {
    const wanted = new Map(settings.map((s) => [s.name, s.sql]));
    const statements: string[] = [];
    for (const name of this.current.keys()) if (!wanted.has(name)) statements.push(`RESET ${resetName(name)};`);
    for (const [name, sql] of wanted) if (this.current.get(name) !== sql) statements.push(`${sql};`);
    this.current = wanted;
    return statements;
  }
}

function resetName(name: string): string {
  return name === 'session_authorization' ? 'SESSION AUTHORIZATION' : ident(name);
}

function schemaOf(name: QualifiedName): ObjectKey[] {
  return name.schema ? [`schema:${name.schema}`] : [];
}

type Add = (kind: StatementKind, name: string, sql: string, spans: Span[], provides?: ObjectKey[], requires?: ObjectKey[]) => void;

/** `CREATE TABLE` with its columns and every constraint but its foreign keys (added after, by ALTER TABLE). */
export function createTableSql(table: Table): string {
  const own = table.constraints.filter((c) => !c.inherited);
  const lines = [
    // A child's columns from its parents come with INHERITS.
    ...(table.partitionOf ? [] : table.columns.filter((c) => !c.inherited).map(columnSql)),
    ...own.filter((c) => c.kind !== 'foreign key').map(constraintSql),
  ];
  const persistence = table.unlogged ? 'UNLOGGED ' : '';
  let sql = `CREATE ${persistence}TABLE ${qualified(table)}`;
  if (table.partitionOf) {
    sql += ` PARTITION OF ${qualified(table.partitionOf.table)}${lines.length ? ` (\n${lines.map((l) => `  ${l}`).join(',\n')}\n)` : ''} ${table.partitionOf.bound}`;
  } else {
    sql += ` (\n${lines.map((l) => `  ${l}`).join(',\n')}\n)`;
  }
  if (table.inherits?.length) sql += ` INHERITS (${table.inherits.map(qualified).join(', ')})`;
  if (table.partitionBy) sql += ` ${table.partitionBy}`;
  return sql;
}

/** A unique key a foreign key can reference: `key:public.users(id)`, and `primary:public.users()` for the primary key. */
export function keysOf(table: QualifiedName, c: Constraint): ObjectKey[] {
  if (c.kind !== 'primary key' && c.kind !== 'unique') return [];
  const keys = [objectKey('key', { ...table, name: `${table.name}(${c.columns.join(',')})` })];
  if (c.kind === 'primary key') keys.push(objectKey('primary', { ...table, name: `${table.name}()` }));
  return keys;
}

export function referencedKey(c: Constraint): ObjectKey {
  const target = c.references!;
  return target.columns.length
    ? objectKey('key', { ...target, name: `${target.name}(${target.columns.join(',')})` })
    : objectKey('primary', { ...target, name: `${target.name}()` });
}

function emitTable(table: Table, add: Add): void {
  const own = table.constraints.filter((c) => !c.inherited);
  const sql = createTableSql(table);
  const key = objectKey('relation', table);
  const parents = [...(table.inherits ?? []), ...(table.partitionOf ? [table.partitionOf.table] : [])];
  add('table', displayName(table), `${sql};`, table.spans, [key, objectKey('type', table), ...own.flatMap((c) => keysOf(table, c))],
    [...table.requires, ...schemaOf(table), ...parents.map((p) => objectKey('relation', p))]);

  for (const fk of own.filter((c) => c.kind === 'foreign key')) {
    add('foreign key', fk.name ?? `${displayName(table)}(${fk.columns.join(', ')})`,
      `ALTER TABLE ${qualified(table)} ADD ${constraintSql(fk)};`, fk.spans, [],
      [key, objectKey('relation', fk.references!), referencedKey(fk)]);
  }
  if (table.rowLevelSecurity || table.forceRowLevelSecurity) {
    const actions = [table.rowLevelSecurity && 'ENABLE', table.forceRowLevelSecurity && 'FORCE'].filter(Boolean);
    add('row level security', displayName(table),
      actions.map((a) => `ALTER TABLE ${qualified(table)} ${a} ROW LEVEL SECURITY;`).join('\n'), table.spans, [], [key]);
  }
}

export function columnSql(column: Column): string {
  const parts = [ident(column.name), column.type.sql];
  if (column.collation) parts.push(`COLLATE ${collationSql(column.collation)}`);
  if (column.identity) parts.push(`GENERATED ${column.identity.toUpperCase()} AS IDENTITY`);
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.notNull) parts.push('NOT NULL');
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  return parts.join(' ');
}

/** `public.numeric` → `public."numeric"`. */
export function collationSql(name: string): string {
  return name.split('.').map(ident).join('.');
}

export function constraintSql(c: Constraint): string {
  const name = c.name ? `CONSTRAINT ${ident(c.name)} ` : '';
  // Read from a database: as PostgreSQL printed it.
  if (c.definition) return name + c.definition;
  let body: string;
  switch (c.kind) {
    case 'primary key':
      body = `PRIMARY KEY (${identList(c.columns)})`;
      break;
    case 'unique':
      body = `UNIQUE${c.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${identList(c.columns)})`;
      break;
    case 'check':
      body = `CHECK (${c.expression})`;
      break;
    case 'exclude':
      body = c.expression!;
      break;
    case 'foreign key': {
      const target = c.references!;
      body = `FOREIGN KEY (${identList(c.columns)}) REFERENCES ${qualified(target)}`;
      if (target.columns.length) body += ` (${identList(target.columns)})`;
      if (c.match) body += ` MATCH ${c.match.toUpperCase()}`;
      if (c.onDelete) body += ` ON DELETE ${c.onDelete.toUpperCase()}`;
      if (c.onUpdate) body += ` ON UPDATE ${c.onUpdate.toUpperCase()}`;
      break;
    }
  }
  if (c.deferrable) body += ' DEFERRABLE';
  if (c.initiallyDeferred) body += ' INITIALLY DEFERRED';
  if (c.notValid) body += ' NOT VALID';
  return name + body;
}

function emitIndex(index: Index, add: Add): void {
  const sql = index.definition ?? indexSql(index);
  const provides = index.name ? [objectKey('relation', index)] : [];
  if (index.unique && !index.where && index.keys.every((k) => k.column !== undefined)) {
    provides.push(objectKey('key', { ...index.table, name: `${index.table.name}(${index.keys.map((k) => k.column).join(',')})` }));
  }
  add('index', index.name || `on ${displayName(index.table)}`, `${sql};`, index.spans, provides, [objectKey('relation', index.table), ...(index.requires ?? [])]);
}

export function indexSql(index: Index): string {
  const name = index.name ? `${ident(index.name)} ` : '';
  let sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${name}ON ${qualified(index.table)}`;
  if (index.method !== 'btree') sql += ` USING ${index.method}`;
  sql += ` (${index.keys.map(indexKeySql).join(', ')})`;
  if (index.include.length) sql += ` INCLUDE (${identList(index.include)})`;
  if (index.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (index.where) sql += ` WHERE ${index.where}`;
  return sql;
}

function indexKeySql(key: IndexKey): string {
  let sql = key.column !== undefined ? ident(key.column) : `(${key.expression})`;
  if (key.collation) sql += ` COLLATE ${key.collation}`;
  if (key.opclass) sql += ` ${key.opclass}`;
  if (key.descending) sql += ' DESC';
  if (key.nullsFirst === true) sql += ' NULLS FIRST';
  if (key.nullsFirst === false) sql += ' NULLS LAST';
  return sql;
}

function emitPolicy(p: Policy, add: Add): void {
  add('policy', `${p.name} on ${displayName(p.table)}`, `${policySql(p)};`, p.spans, [], [objectKey('relation', p.table), ...p.requires]);
}

export function policySql(p: Policy): string {
  let sql = `CREATE POLICY ${ident(p.name)} ON ${qualified(p.table)}`;
  if (!p.permissive) sql += ' AS RESTRICTIVE';
  if (p.command !== 'all') sql += ` FOR ${p.command.toUpperCase()}`;
  if (p.roles.length) sql += ` TO ${p.roles.map((r) => (r === 'public' || r.startsWith('current_') || r === 'session_user' ? r : ident(r))).join(', ')}`;
  if (p.using) sql += ` USING (${p.using})`;
  if (p.withCheck) sql += ` WITH CHECK (${p.withCheck})`;
  return sql;
}

/** What an implied extension creates, so that what uses it comes after it. */
export function extensionProvides(name: string, schema: string | undefined): ObjectKey[] {
  return knownProvides(name).map(([kind, what]) => objectKey(kind, schema ? { schema, name: what } : { name: what }));
}
