// CREATE TABLE and ALTER TABLE statements → table fragments.
import { markKeyColumns } from '../../schema/key-columns.js';
import type { Diagnostic } from '../../schema/diagnostic.js';
import type {
  Column, Constraint, ForeignKeyTarget, Index, IndexKey, ObjectKey, QualifiedName, ReferentialAction, Span, Table,
} from '../../schema/model.js';
import {
  expression, rangeVarName, requiredKeys, sql, strings, typeRef, type Node, type References,
} from './ast.js';
import type { SpanSource } from '../source-map.js';

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default',
};
const MATCH: Record<string, Constraint['match']> = { f: 'full', p: 'partial', s: 'simple' };

export interface TableReading {
  table: Table;
  /** MySQL-style `INDEX name (columns)` lines, read as the indexes they mean. */
  inlineIndexes: Index[];
  diagnostics: Diagnostic[];
  /** Read as other SQL than written (MySQL's inline INDEX, TEXT(n)): the model's version is what PostgreSQL accepts. */
  repaired: boolean;
}

export function readCreateTable(stmt: Node, at: SpanSource, statementSpan: Span, refs: References): TableReading {
  const inlineIndexes: Index[] = [];
  const diagnostics: Diagnostic[] = [];
  const table = emptyTable(rangeVarName(stmt.relation), requiredKeys({ ...refs, relations: [] }), statementSpan);
  if (stmt.relation.relpersistence === 'u') table.unlogged = true;
  if (stmt.inhRelations?.length) table.inherits = stmt.inhRelations.map((r: Node) => rangeVarName(r.RangeVar));
  if (stmt.partspec) table.partitionBy = partitionClause(stmt);

  let repaired = false;
  for (const element of stmt.tableElts ?? []) {
    const inline = element.ColumnDef && mysqlInlineIndex(element.ColumnDef, table, at);
    if (inline) {
      repaired = true;
      inlineIndexes.push(inline);
      diagnostics.push({
        code: 'SD104', severity: 'info', span: inline.spans[0], cause: 'index inside CREATE TABLE',
        message: `\`INDEX ${inline.name} (…)\` inside CREATE TABLE is MySQL syntax; PostgreSQL would read it as a column named "index" of type ${inline.name}. schemadoc reads it as the index it means`,
        fix: `CREATE INDEX ${inline.name} ON ${table.name} (${inline.keys.map((k: IndexKey) => k.column).join(', ')});`,
      });
    } else if (element.ColumnDef) {
      const { column, constraints } = readColumn(element.ColumnDef, at);
      table.columns.push(column);
      table.constraints.push(...constraints);
    } else if (element.Constraint) {
      table.constraints.push(readConstraint(element.Constraint, [], at));
    }
  }
  if (table.constraints.length > 1) oneIndexPerKey(table, diagnostics);
  markKeyColumns(table);
  return { table, inlineIndexes, diagnostics, repaired };
}

/**
 * CREATE TABLE makes one index for keys written twice on the same columns (`slug text UNIQUE`
 * and `CONSTRAINT uq_slug UNIQUE (slug)`; a UNIQUE that repeats the primary key): the primary
 * key, or the first, is kept, with the first name written. The repetition is reported.
 */
function oneIndexPerKey(table: Table, diagnostics: Diagnostic[]): void {
  const keys = table.constraints.filter((c) => c.kind === 'primary key' || c.kind === 'unique');
  const kept: Constraint[] = keys.filter((c) => c.kind === 'primary key');
  for (const key of keys) {
    if (key.kind === 'primary key') continue;
    const same = kept.find((k) => k.columns.join() === key.columns.join() && Boolean(k.nullsNotDistinct) === Boolean(key.nullsNotDistinct)
      && Boolean(k.deferrable) === Boolean(key.deferrable) && Boolean(k.initiallyDeferred) === Boolean(key.initiallyDeferred));
    if (!same) {
      kept.push(key);
      continue;
    }
    if (!same.name && key.name) same.name = key.name;
    same.spans.push(...key.spans);
    table.constraints = table.constraints.filter((c) => c !== key);
    diagnostics.push({
      code: 'SD107', severity: 'warning', span: key.spans[0],
      message: `UNIQUE (${key.columns.join(', ')}) repeats the ${same.kind === 'unique' ? 'UNIQUE constraint' : 'primary key'} of ${table.name} on the same columns: PostgreSQL makes one index for both${same.name ? `, ${same.name}` : ''}`,
      related: [{ span: same.spans[0]!, message: `the ${same.kind === 'unique' ? 'UNIQUE constraint' : 'primary key'} (${same.columns.join(', ')})` }],
    });
  }
}

// Tables and references are literals rather than spreads of their name: the copy a spread
// makes gets a shape of its own, one per table, and code that reads a thousand shapes is slow.
// `asWritten` is there from the start, for merge to set without changing the shape.

function emptyTable({ schema, name }: QualifiedName, requires: ObjectKey[], span: Span): Table {
  return schema === undefined
    ? { name, columns: [], constraints: [], rowLevelSecurity: false, forceRowLevelSecurity: false, requires, spans: [span], asWritten: false }
    : { schema, name, columns: [], constraints: [], rowLevelSecurity: false, forceRowLevelSecurity: false, requires, spans: [span], asWritten: false };
}

function foreignKeyTarget({ schema, name }: QualifiedName, columns: string[]): ForeignKeyTarget {
  return schema === undefined ? { name, columns } : { schema, name, columns };
}

/** `INDEX idx_name (a, b)` parses as a column "index" whose type is idx_name(a, b). */
function mysqlInlineIndex(def: Node, table: Table, at: SpanSource): Index | undefined {
  if (def.colname !== 'index' && def.colname !== 'key') return undefined;
  const typmods: Node[] = def.typeName?.typmods ?? [];
  if (typmods.length === 0 || !typmods.every((m) => m.ColumnRef)) return undefined;
  const name = strings(def.typeName.names).pop()!;
  return {
    name,
    ...(table.schema ? { schema: table.schema } : {}),
    table: { ...(table.schema ? { schema: table.schema } : {}), name: table.name },
    unique: false,
    method: 'btree',
    keys: typmods.map((m) => ({ column: strings(m.ColumnRef.fields).pop()! })),
    include: [],
    spans: [at.span(def.location ?? 0)],
  };
}

/** The PARTITION BY clause; the deparser prints it only as part of its statement. */
function partitionClause(stmt: Node): string {
  const printed = sql({ CreateStmt: { ...stmt, tableElts: [] } });
  return printed.slice(printed.lastIndexOf('PARTITION BY'));
}

/** A column and the constraints written on it (which become table constraints). */
export function readColumn(def: Node, at: SpanSource): { column: Column; constraints: Constraint[] } {
  const column: Column = {
    name: def.colname,
    type: typeRef(def.typeName),
    notNull: false,
    spans: [at.span(def.location ?? 0)],
  };
  if (def.collClause) column.collation = strings(def.collClause.collname).join('.');
  const constraints: Constraint[] = [];
  for (const { Constraint: c } of def.constraints ?? []) {
    switch (c.contype) {
      case 'CONSTR_NOTNULL': column.notNull = true; break;
      case 'CONSTR_NULL': column.notNull = false; break;
      case 'CONSTR_DEFAULT': column.default = expression(c.raw_expr); break;
      case 'CONSTR_IDENTITY': column.identity = c.generated_when === 'a' ? 'always' : 'by default'; break;
      case 'CONSTR_GENERATED': column.generated = expression(c.raw_expr); break;
      case 'CONSTR_ATTR_DEFERRABLE': case 'CONSTR_ATTR_NOT_DEFERRABLE':
      case 'CONSTR_ATTR_DEFERRED': case 'CONSTR_ATTR_IMMEDIATE': {
        const last = constraints[constraints.length - 1];
        if (last) applyDeferral(last, c.contype);
        break;
      }
      default:
        constraints.push(readConstraint(c, [def.colname], at));
    }
  }
  // A primary key implies NOT NULL; the model says so explicitly, as PostgreSQL does.
  if (constraints.some((c) => c.kind === 'primary key')) column.notNull = true;
  return { column, constraints };
}

function applyDeferral(c: Constraint, contype: string): void {
  if (contype === 'CONSTR_ATTR_DEFERRABLE') c.deferrable = true;
  if (contype === 'CONSTR_ATTR_NOT_DEFERRABLE') c.deferrable = false;
  if (contype === 'CONSTR_ATTR_DEFERRED') c.initiallyDeferred = true;
  if (contype === 'CONSTR_ATTR_IMMEDIATE') c.initiallyDeferred = false;
}

/** A table or column constraint. `ownColumns` are the column's own name for column constraints. */
export function readConstraint(c: Node, ownColumns: string[], at: SpanSource): Constraint {
  // Built by assignment, not spreading: documents have thousands of constraints.
  const constraint = { kind: 'check', columns: ownColumns, spans: [at.span(c.location ?? 0)] } as Constraint;
  if (c.conname) constraint.name = c.conname;
  if (c.deferrable) constraint.deferrable = true;
  if (c.initdeferred) constraint.initiallyDeferred = true;
  if (c.skip_validation) constraint.notValid = true;
  const keys = c.keys ? strings(c.keys) : ownColumns;
  switch (c.contype) {
    case 'CONSTR_PRIMARY':
      constraint.kind = 'primary key';
      constraint.columns = keys;
      return constraint;
    case 'CONSTR_UNIQUE':
      constraint.kind = 'unique';
      constraint.columns = keys;
      if (c.nulls_not_distinct) constraint.nullsNotDistinct = true;
      return constraint;
    case 'CONSTR_CHECK':
      constraint.expression = expression(c.raw_expr);
      return constraint;
    case 'CONSTR_FOREIGN': {
      constraint.kind = 'foreign key';
      if (c.fk_attrs) constraint.columns = strings(c.fk_attrs);
      constraint.references = foreignKeyTarget(rangeVarName(c.pktable), strings(c.pk_attrs));
      const onDelete = ACTIONS[c.fk_del_action];
      const onUpdate = ACTIONS[c.fk_upd_action];
      if (onDelete && onDelete !== 'no action') constraint.onDelete = onDelete;
      if (onUpdate && onUpdate !== 'no action') constraint.onUpdate = onUpdate;
      const match = MATCH[c.fk_matchtype];
      if (match && match !== 'simple') constraint.match = match;
      return constraint;
    }
    case 'CONSTR_EXCLUSION': {
      // The EXCLUDE clause is kept whole, as the deparser prints it inside a table.
      const printed = sql({ CreateStmt: { relation: { relname: 'x', inh: true, relpersistence: 'p' }, tableElts: [{ Constraint: { ...c, conname: undefined } }] } });
      constraint.kind = 'exclude';
      constraint.columns = [];
      constraint.expression = printed.slice(printed.indexOf('EXCLUDE'), printed.lastIndexOf(')')).trim();
      return constraint;
    }
    default:
      throw new UnsupportedSql(`constraint type ${String(c.contype).replace('CONSTR_', '').toLowerCase()}`);
  }
}

/** A construct schemadoc reads but cannot represent in the model (reported, never fatal). */
export class UnsupportedSql extends Error {}
