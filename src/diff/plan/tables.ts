// Tables: made, dropped, made again where PostgreSQL cannot alter one into the other (a
// partitioning that changes), or altered: persistence, row level security, partitions and
// parents, comments, and their columns.
import type { ObjectKey, Table } from '../../schema/model.js';
import { createTableSql, keysOf, referencedKey } from '../../pg/emit.js';
import { literal, qualified } from '../../pg/quote.js';
import { change } from './change.js';
import { columnRequires, columnsReshaped, planColumns } from './columns.js';
import { byKey, relationKey, typeKey, type Planning } from './context.js';
import { nameKey, shownName } from '../../schema/names.js';
import { hazard } from './hazards.js';

/** A table PostgreSQL cannot alter into the other: partitioned one way and not (or otherwise) the other. */
const mustRemake = (from: Table, to: Table) => (from.partitionBy ?? '') !== (to.partitionBy ?? '');

/** The tables whose change reaches what depends on them: dropped, made again, or with columns that go or change type. */
export function tableChanges(p: Planning): ObjectKey[] {
  const after = byKey(p.to.tables, nameKey);
  const changed: ObjectKey[] = [];
  for (const table of p.from.tables) {
    const other = after.get(nameKey(table));
    if (!other || mustRemake(table, other) || columnsReshaped(table, other)) changed.push(relationKey(table), typeKey(table));
    if (other && mustRemake(table, other)) p.remade.add(relationKey(table));
  }
  return changed;
}

export function planTables(p: Planning): void {
  const before = byKey(p.from.tables, nameKey);
  const after = byKey(p.to.tables, nameKey);
  for (const table of p.from.tables) {
    const key = relationKey(table);
    if (after.has(nameKey(table)) && !p.remade.has(key)) continue;
    p.dropped.add(key);
    const statement = change('drop', 'table', shownName(table), [`DROP TABLE ${qualified(table)};`], {
      hazards: [hazard('SD801', `drops table ${shownName(table)} and its rows${p.remade.has(key) ? ', to make it again partitioned otherwise' : ''}`)],
      // After the keys its foreign keys reference are dropped, when they are: those go with it.
      provides: [key, typeKey(table)],
      requires: [...tableRequires(table), ...table.constraints.filter((c) => c.kind === 'foreign key').map(referencedKey)],
    });
    // Before the alterations (what it uses, such as an enum rebuilt, is then free), unless a table that stays inherits from it.
    const parentOfKept = p.to.tables.some((t) => [...(t.inherits ?? []), ...(t.partitionOf ? [t.partitionOf.table] : [])].some((x) => nameKey(x) === nameKey(table)));
    (parentOfKept ? p.after : p.before).push(statement);
  }
  for (const table of p.to.tables) {
    const old = before.get(nameKey(table));
    if (old && !p.remade.has(relationKey(table))) {
      alterTable(p, old, table);
      continue;
    }
    p.made.add(relationKey(table));
    p.made.add(typeKey(table));
    createTable(p, table);
  }
}

function tableRequires(table: Table): ObjectKey[] {
  const parents = [...(table.inherits ?? []), ...(table.partitionOf ? [table.partitionOf.table] : [])];
  return [...table.requires, ...parents.map(relationKey), ...table.columns.flatMap(columnRequires), ...(table.schema ? [`schema:${table.schema}`] : [])];
}

function createTable(p: Planning, table: Table): void {
  const name = qualified(table);
  const statements = [`${createTableSql(table)};`];
  const actions = [table.rowLevelSecurity && 'ENABLE', table.forceRowLevelSecurity && 'FORCE'].filter(Boolean);
  for (const a of actions) statements.push(`ALTER TABLE ${name} ${a} ROW LEVEL SECURITY;`);
  if (table.comment !== undefined) statements.push(`COMMENT ON TABLE ${name} IS ${literal(table.comment)};`);
  for (const c of table.columns) {
    if (c.comment !== undefined) statements.push(`COMMENT ON COLUMN ${name}.${qualified({ name: c.name })} IS ${literal(c.comment)};`);
  }
  p.main.push(change('create', 'table', shownName(table), statements, {
    spans: table.spans,
    provides: [relationKey(table), typeKey(table), ...table.constraints.filter((c) => !c.inherited).flatMap((c) => keysOf(table, c))],
    requires: tableRequires(table),
  }));
}

function alterTable(p: Planning, from: Table, to: Table): void {
  const name = qualified(to);
  const statements: string[] = [];
  const hazards = [];
  if (Boolean(from.unlogged) !== Boolean(to.unlogged)) {
    statements.push(`ALTER TABLE ${name} SET ${to.unlogged ? 'UNLOGGED' : 'LOGGED'};`);
    hazards.push(hazard('SD807', `makes ${shownName(to)} ${to.unlogged ? 'unlogged' : 'logged'}: the table is rewritten`));
  }
  // Detached from a parent before the parent changes (a column it gains would reach it), attached after.
  const leave: string[] = [];
  const partition = (t: Table) => (t.partitionOf ? `${nameKey(t.partitionOf.table)} ${t.partitionOf.bound}` : '');
  if (partition(from) !== partition(to)) {
    if (from.partitionOf) leave.push(`ALTER TABLE ${qualified(from.partitionOf.table)} DETACH PARTITION ${name};`);
    if (to.partitionOf) statements.push(`ALTER TABLE ${qualified(to.partitionOf.table)} ATTACH PARTITION ${name} ${to.partitionOf.bound};`);
  }
  const parents = (t: Table) => new Set((t.inherits ?? []).map(nameKey));
  for (const parent of from.inherits ?? []) if (!parents(to).has(nameKey(parent))) leave.push(`ALTER TABLE ${name} NO INHERIT ${qualified(parent)};`);
  for (const parent of to.inherits ?? []) if (!parents(from).has(nameKey(parent))) statements.push(`ALTER TABLE ${name} INHERIT ${qualified(parent)};`);
  if (leave.length) p.before.push(change('alter', 'table', shownName(to), leave, { spans: to.spans, requires: [relationKey(to), ...tableRequires(from)] }));
  if (from.rowLevelSecurity !== to.rowLevelSecurity) statements.push(`ALTER TABLE ${name} ${to.rowLevelSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
  if (from.forceRowLevelSecurity !== to.forceRowLevelSecurity) statements.push(`ALTER TABLE ${name} ${to.forceRowLevelSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
  if (from.comment !== to.comment) statements.push(`COMMENT ON TABLE ${name} IS ${to.comment === undefined ? 'NULL' : literal(to.comment)};`);
  if (statements.length) {
    p.main.push(change('alter', 'table', shownName(to), statements, { hazards, spans: to.spans, requires: [relationKey(to), ...tableRequires(to)] }));
  }
  planColumns(p, from, to);
}
