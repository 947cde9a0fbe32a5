// Declared renames, done first: a table or column that the target says it was called otherwise
// (`renamed from old_name` in the document, or --rename) is renamed where it stands, rows and
// values with it, and the source model is read as if it had the new name already, so that
// nothing else of it is dropped and made again. A table's serial sequences are renamed with it.
// Drops and additions that look like renames are only pointed out: never guessed.
import type { Constraint, QualifiedName, Schema, Table } from '../../schema/model.js';
import { ident, qualified } from '../../pg/quote.js';
import { DEFAULT_SCHEMA, escapeRegExp, nameKey, shownName } from '../../schema/names.js';
import { change } from './change.js';
import { byKey, type Planning } from './context.js';

/** `old=new` (a table), `table.old=new` (a column), with a schema before either where needed. */
export interface RenameSpec {
  from: string;
  to: string;
}

interface Rename {
  /** The table, by its name in the target. */
  table: QualifiedName;
  column?: string;
  /** The table's or column's name in the source. */
  was: string;
}

export function planRenames(p: Planning, specs: RenameSpec[]): void {
  const renames = [...declared(p.to), ...undone(p.from), ...specs.map((s) => fromSpec(p.from, s))];
  for (const r of renames.filter((r) => !r.column)) renameTable(p, r);
  for (const r of renames.filter((r) => r.column)) renameColumn(p, r);
}

function declared(to: Schema): Rename[] {
  const found: Rename[] = [];
  for (const t of to.tables) {
    if (t.renamedFrom) found.push({ table: t, was: t.renamedFrom.split('.').pop()! });
    for (const c of t.columns) if (c.renamedFrom) found.push({ table: t, column: c.name, was: c.renamedFrom });
  }
  return found;
}

/** What the source declares renamed, undone: the plan back from a renaming document. */
function undone(from: Schema): Rename[] {
  const found: Rename[] = [];
  for (const t of from.tables) {
    const table = { schema: t.schema, name: t.renamedFrom?.split('.').pop() ?? t.name };
    if (t.renamedFrom) found.push({ table, was: t.name });
    for (const c of t.columns) if (c.renamedFrom) found.push({ table, column: c.renamedFrom, was: c.name });
  }
  return found;
}

/** A rename given on the command line, the other way round: for the plan back. */
export function reversed(spec: RenameSpec): RenameSpec {
  const parts = spec.from.split('.');
  return { from: [...parts.slice(0, -1), spec.to].join('.'), to: parts[parts.length - 1]! };
}

function fromSpec(from: Schema, spec: RenameSpec): Rename {
  const parts = spec.from.split('.');
  const tables = byKey(from.tables, nameKey);
  const asTable = parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: DEFAULT_SCHEMA, name: parts[0]! };
  if (parts.length === 1 || (parts.length === 2 && tables.has(nameKey(asTable)))) return { table: { schema: asTable.schema, name: spec.to }, was: asTable.name };
  const table = parts.length === 3 ? { schema: parts[0]!, name: parts[1]! } : { schema: DEFAULT_SCHEMA, name: parts[0]! };
  return { table, column: spec.to, was: parts[parts.length - 1]! };
}

function renameTable(p: Planning, r: Rename): void {
  const old = p.from.tables.find((t) => t.name === r.was && (t.schema ?? DEFAULT_SCHEMA) === (r.table.schema ?? DEFAULT_SCHEMA));
  const target = p.to.tables.find((t) => nameKey(t) === nameKey(r.table));
  // Already renamed (the source has the new name), or nothing of that name to rename.
  if (!old || !target || p.from.tables.some((t) => nameKey(t) === nameKey(r.table))) return;
  const before = { schema: old.schema, name: old.name };
  p.renames.push(change('rename', 'table', shownName(target), [`ALTER TABLE ${qualified(before)} RENAME TO ${ident(target.name)};`], { spans: target.spans }));
  retarget(p.from, before, target);
  // Its serial sequences, named after the table, take the new table's names.
  for (const column of old.columns) {
    const had = p.from.sequences.find((s) => ownedBy(s.definition, target, column.name));
    const wants = p.to.sequences.find((s) => ownedBy(s.definition, target, column.name));
    if (!had || !wants || had.name === wants.name) continue;
    p.renames.push(change('rename', 'sequence', shownName(wants), [`ALTER SEQUENCE ${qualified(had)} RENAME TO ${ident(wants.name)};`], { spans: wants.spans }));
    const [was, now] = [literalName(had), literalName(wants)];
    if (column.default) column.default = column.default.replace(`'${was}'`, `'${now}'`);
    had.definition = had.definition.replace(qualified(had), qualified(wants));
    had.name = wants.name;
  }
}

function renameColumn(p: Planning, r: Rename): void {
  const table = p.from.tables.find((t) => nameKey(t) === nameKey(r.table));
  const column = table?.columns.find((c) => c.name === r.was);
  if (!table || !column || table.columns.some((c) => c.name === r.column)) return;
  const target = p.to.tables.find((t) => nameKey(t) === nameKey(r.table))?.columns.find((c) => c.name === r.column);
  p.renames.push(change('rename', 'column', `${shownName(table)}.${r.column}`, [`ALTER TABLE ${qualified(table)} RENAME COLUMN ${ident(r.was)} TO ${ident(r.column!)};`], {
    spans: target?.spans ?? [],
  }));
  column.name = r.column!;
  const word = new RegExp(`(?<![\\w"$])${escapeRegExp(ident(r.was))}(?![\\w"$])`, 'g');
  const renamed = (text: string) => text.replace(word, ident(r.column!));
  for (const c of table.constraints) renameIn(c, r.was, r.column!, renamed);
  for (const t of p.from.tables) {
    for (const c of t.constraints) {
      if (c.kind !== 'foreign key' || nameKey(c.references!) !== nameKey(table)) continue;
      c.references!.columns = c.references!.columns.map((n) => (n === r.was ? r.column! : n));
      c.definition = c.definition?.replace(/REFERENCES (.*)$/, (_, rest: string) => `REFERENCES ${renamed(rest)}`);
    }
  }
  for (const i of p.from.indexes) if (nameKey(i.table) === nameKey(table)) i.definition = renamed(i.definition ?? '');
  for (const s of p.from.sequences) if (ownedBy(s.definition, table, r.was)) s.definition = s.definition.replace(/OWNED BY (.*)$/, (_, o: string) => `OWNED BY ${o.replace(new RegExp(`\\.${escapeRegExp(ident(r.was))}$`), `.${ident(r.column!)}`)}`);
}

function renameIn(c: Constraint, was: string, now: string, renamed: (text: string) => string): void {
  c.columns = c.columns.map((n) => (n === was ? now : n));
  if (c.definition) c.definition = c.kind === 'foreign key' ? c.definition.replace(/^FOREIGN KEY \(([^)]*)\)/, (m) => renamed(m)) : renamed(c.definition);
}

/** Everything of the source that names the table, named as the target names it. */
function retarget(schema: Schema, was: QualifiedName, now: Table): void {
  const same = (o: QualifiedName) => nameKey(o) === nameKey(was);
  const [oldSql, newSql] = [qualified({ schema: was.schema ?? DEFAULT_SCHEMA, name: was.name }), qualified({ schema: now.schema ?? DEFAULT_SCHEMA, name: now.name })];
  const [oldShort, newShort] = [qualified({ name: was.name }), qualified({ name: now.name })];
  for (const t of schema.tables) {
    if (same(t)) Object.assign(t, { name: now.name, schema: now.schema });
    for (const c of t.constraints) {
      if (c.references && same(c.references)) {
        Object.assign(c.references, { name: now.name, schema: now.schema });
        c.definition = c.definition?.replace(new RegExp(`REFERENCES (${escapeRegExp(oldSql)}|${escapeRegExp(oldShort)})\\(`), `REFERENCES ${(now.schema ?? DEFAULT_SCHEMA) === DEFAULT_SCHEMA ? newShort : newSql}(`);
      }
    }
  }
  for (const i of schema.indexes) {
    if (!same(i.table)) continue;
    i.table = { schema: now.schema, name: now.name };
    i.definition = i.definition?.replace(` ON ${oldSql} `, ` ON ${newSql} `);
  }
  for (const t of schema.triggers) {
    if (!same(t.table)) continue;
    t.table = { schema: now.schema, name: now.name };
    t.definition = t.definition.replace(` ON ${oldSql} `, ` ON ${newSql} `);
  }
  for (const x of schema.policies) if (same(x.table)) x.table = { schema: now.schema, name: now.name };
  for (const s of schema.sequences) s.definition = s.definition.replace(` OWNED BY ${oldSql}.`, ` OWNED BY ${newSql}.`);
  for (const g of schema.grants) {
    if (g.object !== oldSql) continue;
    g.object = newSql;
    g.requires = [`relation:${nameKey(now)}`];
  }
}

const ownedBy = (definition: string, table: QualifiedName, column: string) =>
  definition.endsWith(` OWNED BY ${qualified({ schema: table.schema ?? DEFAULT_SCHEMA, name: table.name })}.${ident(column)}`);

/** The name nextval() is given: `orders_id_seq`, or `billing.orders_id_seq` outside public. */
const literalName = (s: QualifiedName) => ((s.schema ?? DEFAULT_SCHEMA) === DEFAULT_SCHEMA ? qualified({ name: s.name }) : qualified(s));


/** Drops and additions that look like renames: the plan says so, with the directive that would declare one. */
export function renameHints(p: Planning): string[] {
  const notes: string[] = [];
  const after = byKey(p.to.tables, nameKey);
  const before = byKey(p.from.tables, nameKey);
  const shape = (t: Table) => t.columns.map((c) => `${c.name} ${c.type.sql}`).join(', ');
  const made = p.to.tables.filter((t) => !before.has(nameKey(t)));
  for (const gone of p.from.tables.filter((t) => !after.has(nameKey(t)))) {
    const twin = made.find((t) => t.columns.length && shape(t) === shape(gone));
    if (twin) {
      notes.push(`table ${shownName(gone)} is dropped and ${shownName(twin)} made with the same columns: if it is ${shownName(gone)} renamed, say so with <!-- schemadoc: renamed from ${gone.name} --> on its heading or CREATE TABLE line (or --rename ${shownName(gone)}=${twin.name}), and its rows are kept`);
    }
  }
  for (const table of p.to.tables) {
    const old = before.get(nameKey(table));
    if (!old) continue;
    old.columns.forEach((c, i) => {
      const other = table.columns[i];
      if (table.columns.some((x) => x.name === c.name) || !other || old.columns.some((x) => x.name === other.name) || other.type.sql !== c.type.sql) return;
      notes.push(`column ${shownName(table)}.${c.name} is dropped and ${other.name} added in its place with its type: if it is ${c.name} renamed, say so with <!-- schemadoc: renamed from ${c.name} --> on its row or line (or --rename ${shownName(table)}.${c.name}=${other.name}), and its values are kept`);
    });
  }
  return notes;
}
