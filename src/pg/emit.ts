// Schema → PostgreSQL DDL, one statement per object, in dependency order.
import type {
  Column, Constraint, Index, IndexKey, ObjectKey, Policy, QualifiedName, Schema, Span, Table,
} from '../schema/model.js';
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
  rank: number;
  provides: ObjectKey[];
  requires: ObjectKey[];
}

export type StatementKind =
  | 'schema' | 'extension' | 'type' | 'sequence' | 'table' | 'foreign key' | 'index' | 'view'
  | 'materialized view' | 'function' | 'trigger' | 'row level security' | 'policy' | 'statement' | 'comment';

const RANK: Record<StatementKind, number> = {
  schema: 0, extension: 1, type: 2, sequence: 3, table: 4, 'foreign key': 5, index: 6, view: 7,
  'materialized view': 7, function: 8, trigger: 9, 'row level security': 10, policy: 11, statement: 12, comment: 13,
};

function statement(
  kind: StatementKind, name: string, sql: string, spans: Span[], provides: ObjectKey[] = [], requires: ObjectKey[] = [],
): DdlStatement {
  return { sql, kind, name, spans, rank: RANK[kind], provides, requires };
}

export function emitStatements(schema: Schema): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const s of schema.schemas) {
    out.push(statement('schema', s.name, `CREATE SCHEMA IF NOT EXISTS ${ident(s.name)};`, s.spans, [`schema:${s.name}`]));
  }
  for (const e of schema.extensions) {
    const where = e.schema ? ` SCHEMA ${ident(e.schema)}` : '';
    out.push(statement('extension', e.name, `CREATE EXTENSION IF NOT EXISTS ${ident(e.name)}${where};`, e.spans,
      [`extension:${e.name}`], e.schema ? [`schema:${e.schema}`] : []));
  }
  for (const e of schema.enums) {
    out.push(statement('type', displayName(e), `CREATE TYPE ${qualified(e)} AS ENUM (${e.values.map(literal).join(', ')});`,
      e.spans, [objectKey('type', e)], schemaOf(e)));
  }
  for (const t of schema.types) {
    out.push(statement('type', displayName(t), `${t.definition};`, t.spans, [objectKey('type', t)], [...t.requires, ...schemaOf(t)]));
  }
  for (const s of schema.sequences) {
    out.push(statement('sequence', displayName(s), `${s.definition};`, s.spans, [objectKey('relation', s)], [...s.requires, ...schemaOf(s)]));
  }
  for (const table of schema.tables) out.push(...emitTable(table));
  for (const index of schema.indexes) out.push(emitIndex(index));
  for (const v of schema.views) {
    out.push(statement(v.materialized ? 'materialized view' : 'view', displayName(v), `${v.definition};`, v.spans,
      [objectKey('relation', v), objectKey('type', v)], [...v.requires, ...schemaOf(v)]));
  }
  for (const f of schema.functions) {
    out.push(statement('function', displayName(f), `${f.definition};`, f.spans, [objectKey('function', f)], [...f.requires, ...schemaOf(f)]));
  }
  for (const t of schema.triggers) {
    out.push(statement('trigger', `${t.name} on ${displayName(t.table)}`, `${t.definition};`, t.spans, [],
      [objectKey('relation', t.table), ...t.requires]));
  }
  for (const p of schema.policies) out.push(emitPolicy(p));
  for (const s of schema.statements) {
    out.push(statement('statement', s.name, `${s.definition};`, s.spans, [], s.requires));
  }
  for (const c of schema.comments) {
    out.push(statement('comment', `${c.targetKind} ${c.target}`,
      `COMMENT ON ${c.targetKind.toUpperCase()} ${c.target} IS ${literal(c.text)};`, c.spans, [], c.requires));
  }
  return orderByDependencies(out);
}

/** The whole DDL script, as `schemadoc sql` prints it. */
export function emitSql(schema: Schema): string {
  return emitStatements(schema).map((s) => s.sql).join('\n\n') + '\n';
}

function schemaOf(name: QualifiedName): ObjectKey[] {
  return name.schema ? [`schema:${name.schema}`] : [];
}

function emitTable(table: Table): DdlStatement[] {
  const lines = [
    ...table.columns.map(columnSql),
    ...table.constraints.filter((c) => c.kind !== 'foreign key').map(constraintSql),
  ];
  const persistence = table.unlogged ? 'UNLOGGED ' : '';
  let sql = `CREATE ${persistence}TABLE ${qualified(table)} (\n${lines.map((l) => `  ${l}`).join(',\n')}\n)`;
  if (table.inherits?.length) sql += ` INHERITS (${table.inherits.map(qualified).join(', ')})`;
  if (table.partitionBy) sql += ` ${table.partitionBy}`;
  const key = objectKey('relation', table);
  const out = [statement('table', displayName(table), `${sql};`, table.spans, [key, objectKey('type', table)],
    [...table.requires, ...schemaOf(table), ...(table.inherits ?? []).map((p) => objectKey('relation', p))])];

  for (const fk of table.constraints.filter((c) => c.kind === 'foreign key')) {
    out.push(statement('foreign key', fk.name ?? `${displayName(table)}(${fk.columns.join(', ')})`,
      `ALTER TABLE ${qualified(table)} ADD ${constraintSql(fk)};`, fk.spans, [],
      [key, objectKey('relation', fk.references!)]));
  }
  if (table.rowLevelSecurity || table.forceRowLevelSecurity) {
    const actions = [table.rowLevelSecurity && 'ENABLE', table.forceRowLevelSecurity && 'FORCE'].filter(Boolean);
    out.push(statement('row level security', displayName(table),
      actions.map((a) => `ALTER TABLE ${qualified(table)} ${a} ROW LEVEL SECURITY;`).join('\n'), table.spans, [], [key]));
  }
  return out;
}

function columnSql(column: Column): string {
  const parts = [ident(column.name), column.type.sql];
  if (column.collation) parts.push(`COLLATE ${column.collation.split('.').map(ident).join('.')}`);
  if (column.identity) parts.push(`GENERATED ${column.identity.toUpperCase()} AS IDENTITY`);
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (column.notNull) parts.push('NOT NULL');
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  return parts.join(' ');
}

export function constraintSql(c: Constraint): string {
  const name = c.name ? `CONSTRAINT ${ident(c.name)} ` : '';
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

function emitIndex(index: Index): DdlStatement {
  const name = index.name ? `${ident(index.name)} ` : '';
  let sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${name}ON ${qualified(index.table)}`;
  if (index.method !== 'btree') sql += ` USING ${index.method}`;
  sql += ` (${index.keys.map(indexKeySql).join(', ')})`;
  if (index.include.length) sql += ` INCLUDE (${identList(index.include)})`;
  if (index.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (index.where) sql += ` WHERE ${index.where}`;
  const label = index.name || `on ${displayName(index.table)}`;
  return statement('index', label, `${sql};`, index.spans, index.name ? [objectKey('relation', index)] : [],
    [objectKey('relation', index.table)]);
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

function emitPolicy(p: Policy): DdlStatement {
  let sql = `CREATE POLICY ${ident(p.name)} ON ${qualified(p.table)}`;
  if (!p.permissive) sql += ' AS RESTRICTIVE';
  if (p.command !== 'all') sql += ` FOR ${p.command.toUpperCase()}`;
  if (p.roles.length) sql += ` TO ${p.roles.map((r) => (r === 'public' || r.startsWith('current_') || r === 'session_user' ? r : ident(r))).join(', ')}`;
  if (p.using) sql += ` USING (${p.using})`;
  if (p.withCheck) sql += ` WITH CHECK (${p.withCheck})`;
  return statement('policy', `${p.name} on ${displayName(p.table)}`, `${sql};`, p.spans, [],
    [objectKey('relation', p.table), ...p.requires]);
}
