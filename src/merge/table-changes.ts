// What ALTER TABLE, partitions and inheritance do to a table, as PostgreSQL does it: the
// model of a script is the catalog that script leaves behind.
import type { Column, Constraint, Index, QualifiedName, Table } from '../schema/model.js';
import type { Fragment } from '../read/fragment.js';
import { markKeyColumns } from '../schema/key-columns.js';
import { sameName } from '../schema/names.js';

/** The name PostgreSQL gives a constraint the document did not name (`users_pkey`, `orders_user_id_fkey`). */
export function constraintName(table: Table, c: Constraint): string {
  if (c.name) return c.name;
  switch (c.kind) {
    case 'primary key': return `${table.name}_pkey`;
    case 'unique': return `${table.name}_${c.columns.join('_')}_key`;
    case 'foreign key': return `${table.name}_${c.columns.join('_')}_fkey`;
    case 'exclude': return `${table.name}_${c.columns.join('_')}_excl`;
    default: return c.columns.length === 1 ? `${table.name}_${c.columns[0]}_check` : `${table.name}_check`;
  }
}

export function findConstraint(table: Table, name: string): Constraint | undefined {
  return table.constraints.find((c) => constraintName(table, c) === name);
}

/** ALTER TABLE … DROP CONSTRAINT; false when the table has no constraint of that name. */
export function dropConstraint(table: Table, name: string): boolean {
  const found = findConstraint(table, name);
  if (!found) return false;
  table.constraints = table.constraints.filter((c) => c !== found);
  return true;
}

export function renameConstraint(table: Table, from: string, to: string): boolean {
  const found = findConstraint(table, from);
  if (found) found.name = to;
  return Boolean(found);
}

/** ALTER TABLE … DROP COLUMN: the column, and the constraints and indexes of this table that use it. */
export function dropColumn(table: Table, name: string, indexes: Index[]): { dropped: boolean; indexes: Index[] } {
  if (!table.columns.some((c) => c.name === name)) return { dropped: false, indexes };
  table.columns = table.columns.filter((c) => c.name !== name);
  table.constraints = table.constraints.filter((c) => !c.columns.includes(name));
  return { dropped: true, indexes: indexes.filter((i) => !(sameName(i.table, table) && usesColumn(i, name))) };
}

function usesColumn(index: Index, name: string): boolean {
  return index.keys.some((k) => k.column === name) || index.include.includes(name);
}

/** ALTER TABLE … RENAME COLUMN: constraints and indexes follow the column. */
export function renameColumn(table: Table, from: string, to: string, indexes: Index[]): boolean {
  const column = table.columns.find((c) => c.name === from);
  if (!column) return false;
  column.name = to;
  for (const c of table.constraints) c.columns = c.columns.map((n) => (n === from ? to : n));
  for (const i of indexes) {
    if (!sameName(i.table, table)) continue;
    for (const k of i.keys) if (k.column === from) k.column = to;
    i.include = i.include.map((n) => (n === from ? to : n));
  }
  return true;
}

/** A table renamed: what refers to it by name refers to the new one (PostgreSQL keeps them by identity). */
export function renameTable(table: Table, to: string, tables: Iterable<Table>, references: { table: QualifiedName }[]): void {
  const old: QualifiedName = { ...(table.schema ? { schema: table.schema } : {}), name: table.name };
  for (const t of tables) {
    for (const c of t.constraints) if (c.references && sameName(c.references, old)) c.references.name = to;
    if (t.partitionOf && sameName(t.partitionOf.table, old)) t.partitionOf.table.name = to;
    for (const parent of t.inherits ?? []) if (sameName(parent, old)) parent.name = to;
  }
  for (const r of references) if (sameName(r.table, old)) r.table = { ...r.table, name: to };
  table.name = to;
}

/**
 * What a partition or child table gets from its parent: the parent's columns before its own
 * (a child's own definition of a column adds to the parent's), its CHECK constraints and,
 * for a partition, its keys and foreign keys.
 */
export function inheritFrom(child: Table, parent: Table, partition: boolean): void {
  const own = child.columns;
  const columns: Column[] = parent.columns.map((c) => copyColumn(c, own.find((o) => o.name === c.name)));
  for (const c of own) if (!columns.some((k) => k.name === c.name)) columns.push(c);
  child.columns = columns;
  for (const c of parent.constraints) {
    if (c.kind !== 'check' && !partition) continue;
    if (c.kind === 'primary key' || c.kind === 'unique') {
      if (child.constraints.some((k) => k.kind === c.kind && k.columns.join() === c.columns.join())) continue;
    }
    passOn(child, parent, c);
  }
  markKeyColumns(child);
}

/** A constraint added to a partitioned table (not ONLY) is made on every partition too. */
export function passOn(child: Table, parent: Table, c: Constraint): void {
  const copy: Constraint = { ...c, columns: [...c.columns], inherited: true, spans: [...c.spans] };
  // A partition's index-backed keys are named by PostgreSQL after the partition; its other constraints keep the parent's name.
  if (c.kind === 'primary key' || c.kind === 'unique' || c.kind === 'exclude') delete copy.name;
  else copy.name = constraintName(parent, c);
  if (c.references) copy.references = { ...c.references, columns: [...c.references.columns] };
  child.constraints.push(copy);
  if (c.kind === 'primary key') markKeyColumns(child);
}


function copyColumn(parent: Column, own: Column | undefined): Column {
  const column: Column = { ...parent, spans: [...parent.spans] };
  if (own) {
    if (own.default !== undefined) column.default = own.default;
    if (own.notNull) column.notNull = true;
    column.spans.push(...own.spans);
  }
  return column;
}

/** ALTER COLUMN … SET/DROP DEFAULT, SET/DROP NOT NULL, TYPE, ADD/DROP IDENTITY. */
export function alterColumn(column: Column, f: Extract<Fragment, { kind: 'alter-column' }>): void {
  if (f.default === null) delete column.default;
  else if (f.default !== undefined) column.default = f.default;
  if (f.notNull !== undefined) column.notNull = f.notNull;
  if (f.type) column.type = f.type;
  if (f.identity === null) delete column.identity;
  else if (f.identity) column.identity = f.identity;
  column.spans.push(f.span);
}

/** ENABLE/DISABLE and FORCE/NO FORCE ROW LEVEL SECURITY. */
export function setRowLevelSecurity(table: Table, f: Extract<Fragment, { kind: 'row-level-security' }>): void {
  if (f.enable !== undefined) table.rowLevelSecurity = f.enable;
  if (f.force !== undefined) table.forceRowLevelSecurity = f.force;
}
