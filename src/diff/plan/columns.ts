// The columns of a table both sides have: added, dropped, and changed aspect by aspect, in the
// order PostgreSQL needs (a default goes before the type changes, and comes back after it).
import type { Column, EnumType, QualifiedName, Table } from '../../schema/model.js';
import { DEFAULT_SCHEMA, nameKey, shownName } from '../../schema/names.js';
import { collationSql, columnSql } from '../../pg/emit.js';
import { ident, literal, qualified } from '../../pg/quote.js';
import { change, type Change } from './change.js';
import { byKey, relationKey, type Planning } from './context.js';
import { hazard } from './hazards.js';

/** Whether views over the table must be made again: a column they may use goes or changes type. */
export function columnsReshaped(from: Table, to: Table): boolean {
  const after = byKey(to.columns, (c) => c.name);
  return from.columns.some((c) => {
    const other = after.get(c.name);
    return !other || other.type.sql !== c.type.sql || other.collation !== c.collation || (other.generated ?? '') !== (c.generated ?? '');
  });
}

export function planColumns(p: Planning, from: Table, to: Table): void {
  const table = qualified(to);
  const before = byKey(from.columns, (c) => c.name);
  const after = byKey(to.columns, (c) => c.name);
  const alter = (column: Column, statements: string[], more: Partial<Change> = {}) => {
    if (statements.length) {
      p.main.push(change('alter', 'column', `${shownName(to)}.${column.name}`, statements, {
        spans: column.spans, requires: [relationKey(to), ...columnRequires(column)], ...more,
      }));
    }
  };
  for (const column of from.columns) {
    // A column a parent gives goes with the parent's.
    if (after.has(column.name) || column.inherited) continue;
    p.main.push(change('drop', 'column', `${shownName(from)}.${column.name}`, [`ALTER TABLE ${table} DROP COLUMN ${ident(column.name)};`], {
      hazards: [hazard('SD802', `drops column ${shownName(from)}.${column.name} and its values`)], requires: [relationKey(to)], provides: [droppedColumn(from, column.name)],
    }));
  }
  for (const column of to.columns) {
    const old = before.get(column.name);
    if (!old) {
      if (!column.inherited) addColumn(p, to, column);
      continue;
    }
    // Changed on the parent, it changes on the child.
    if (old.inherited && column.inherited) continue;
    // Declared on the child once the parent drops it: dropping it from the parent drops the child's.
    const parent = old.inherited ? parentDropping(p, from, column.name) : undefined;
    if (parent) {
      keepThroughParentDrop(p, to, parent, column.name);
      continue;
    }
    if ((old.generated ?? '') !== (column.generated ?? '') && column.generated) {
      // A plain column becomes generated, or its expression changes: only by dropping it and adding it again.
      p.main.push(change('drop', 'column', `${shownName(to)}.${column.name}`, [`ALTER TABLE ${table} DROP COLUMN ${ident(column.name)};`], {
        hazards: old.generated ? [] : [hazard('SD802', `drops column ${shownName(to)}.${column.name} and its values, to make it a generated column`)],
        requires: [relationKey(to)],
      }));
      addColumn(p, to, column);
      continue;
    }
    alter(column, alterColumn(p, to, old, column), p.made.has(relationKey(to)) ? {} : { hazards: columnHazards(to, old, column) });
  }
}

/** The parent that drops the column the table has from it. */
function parentDropping(p: Planning, table: Table, column: string): QualifiedName | undefined {
  const after = byKey(p.to.tables, nameKey);
  const before = byKey(p.from.tables, nameKey);
  const parents = [...(table.inherits ?? []), ...(table.partitionOf ? [table.partitionOf.table] : [])];
  return parents.find((parent) => before.get(nameKey(parent))?.columns.some((c) => c.name === column) && !after.get(nameKey(parent))?.columns.some((c) => c.name === column));
}

/**
 * A column the child keeps when its parent drops it: dropped from the parent, the child's copy
 * would go too, values and all. Leaving the parent first makes the child's columns its own;
 * joining it again after the drop leaves them so.
 */
function keepThroughParentDrop(p: Planning, table: Table, parent: QualifiedName, column: string): void {
  const [leave, join] = [`ALTER TABLE ${qualified(table)} NO INHERIT ${qualified(parent)};`, `ALTER TABLE ${qualified(table)} INHERIT ${qualified(parent)};`];
  const joined = p.main.find((c) => c.statements[0] === join);
  // Once for each parent: after every column of it that the child keeps is dropped from it.
  if (joined) {
    joined.requires.push(droppedColumn(parent, column));
    return;
  }
  p.before.push(change('alter', 'table', shownName(table), [leave], { spans: table.spans, requires: [relationKey(table), relationKey(parent)] }));
  p.main.push(change('alter', 'table', shownName(table), [join], {
    spans: table.spans, requires: [relationKey(table), relationKey(parent), droppedColumn(parent, column)],
  }));
}

/** What a column's drop is known by, for what must come after it. */
const droppedColumn = (table: QualifiedName, column: string) => `dropped column:${nameKey(table)}.${column}`;

function addColumn(p: Planning, table: Table, column: Column, after: string[] = []): void {
  const existing = !p.made.has(relationKey(table));
  const hazards = [];
  if (existing && column.notNull && column.default === undefined && !column.identity && !column.generated) {
    hazards.push(hazard('SD805', `adds NOT NULL column ${shownName(table)}.${column.name} without a default: fails if the table has rows`));
  }
  if (existing && column.generated) hazards.push(hazard('SD807', `adds stored generated column ${shownName(table)}.${column.name}: the table is rewritten`));
  const statements = [`ALTER TABLE ${qualified(table)} ADD COLUMN ${columnSql(column)};`];
  if (column.comment !== undefined) statements.push(`COMMENT ON COLUMN ${qualified(table)}.${ident(column.name)} IS ${literal(column.comment)};`);
  p.main.push(change('create', 'column', `${shownName(table)}.${column.name}`, statements, {
    hazards, spans: column.spans, requires: [relationKey(table), ...columnRequires(column), ...after],
  }));
}

/** The ALTER TABLE actions that turn `from` into `to`. */
function alterColumn(p: Planning, table: Table, from: Column, to: Column): string[] {
  const name = ident(to.name);
  const actions: string[] = [];
  const retyped = from.type.sql !== to.type.sql || from.collation !== to.collation;
  if (from.generated && !to.generated) actions.push(`ALTER COLUMN ${name} DROP EXPRESSION`);
  if (from.identity && !to.identity) actions.push(`ALTER COLUMN ${name} DROP IDENTITY`);
  const defaultChanged = from.default !== to.default;
  if (from.default !== undefined && (defaultChanged || retyped)) actions.push(`ALTER COLUMN ${name} DROP DEFAULT`);
  if (retyped) {
    const collation = to.collation ? ` COLLATE ${collationSql(to.collation)}` : '';
    actions.push(`ALTER COLUMN ${name} TYPE ${to.type.sql}${collation} USING ${usingCast(p, from, to)}`);
  }
  if (!from.notNull && to.notNull) actions.push(`ALTER COLUMN ${name} SET NOT NULL`);
  if (from.notNull && !to.notNull) actions.push(`ALTER COLUMN ${name} DROP NOT NULL`);
  if (to.identity && !from.identity) actions.push(`ALTER COLUMN ${name} ADD GENERATED ${to.identity.toUpperCase()} AS IDENTITY`);
  else if (to.identity && from.identity !== to.identity) actions.push(`ALTER COLUMN ${name} SET GENERATED ${to.identity.toUpperCase()}`);
  if (to.default !== undefined && (defaultChanged || retyped)) actions.push(`ALTER COLUMN ${name} SET DEFAULT ${to.default}`);
  // One statement each: PostgreSQL runs the actions of one ALTER TABLE in its own order, not this one.
  const statements = actions.map((a) => `ALTER TABLE ${qualified(table)} ${a};`);
  if (from.comment !== to.comment) statements.push(`COMMENT ON COLUMN ${qualified(table)}.${name} IS ${to.comment === undefined ? 'NULL' : literal(to.comment)};`);
  return statements;
}

/**
 * How the values convert: as the document says (`schemadoc: using …`), else the cast PostgreSQL
 * would need, asked for (where it has an assignment cast it means the same); between enums, and
 * from an enum to another type, through text, the one cast every enum has.
 */
function usingCast(p: Planning, from: Column, to: Column): string {
  if (to.using) return to.using;
  const isEnum = (c: Column, enums: EnumType[]) => enums.some((e) => e.name === c.type.name && (e.schema ?? DEFAULT_SCHEMA) === (c.type.schema ?? DEFAULT_SCHEMA));
  const brackets = '[]'.repeat(from.type.arrayDimensions);
  const viaText = isEnum(from, p.from.enums) || isEnum(to, p.to.enums) ? `::text${brackets}` : '';
  return viaText && to.type.sql === 'text' ? `${ident(to.name)}::text` : `${ident(to.name)}${viaText}::${to.type.sql}`;
}

function columnHazards(table: Table, from: Column, to: Column) {
  const hazards = [];
  const name = `${shownName(table)}.${to.name}`;
  if (from.type.sql !== to.type.sql) hazards.push(hazard('SD803', `changes the type of ${name} from ${from.type.sql} to ${to.type.sql}: the table is rewritten, and values that do not convert fail the change`));
  if (!from.notNull && to.notNull) hazards.push(hazard('SD805', `makes ${name} NOT NULL: fails if a row holds NULL`));
  return hazards;
}

/** The types and sequences a column needs made first. */
export function columnRequires(column: Column): string[] {
  const requires: string[] = [];
  if (column.type.schema) requires.push(`type:${column.type.schema}.${column.type.name}`);
  if (column.collation?.includes('.')) requires.push(`collation:${column.collation}`);
  for (const m of (column.default ?? '').matchAll(/nextval\('([^']+)'::regclass\)/g)) {
    const name = m[1]!.replace(/"/g, '');
    requires.push(`relation:${name.includes('.') ? name : `public.${name}`}`);
  }
  return requires;
}
