// References between objects of the merged schema that point at nothing: a foreign key,
// index, trigger or policy on a table the document never defines cannot be created.
import type { Diagnostic } from '../schema/diagnostic.js';
import { basename, posix } from 'node:path';
import type { Constraint, Index, PageLink, QualifiedName, Schema, Span, Table, Written } from '../schema/model.js';
import { DEFAULT_SCHEMA, displayName, looseName, objectKey } from '../schema/names.js';
import { SUPABASE_TABLES, usesSupabase } from '../schema/supabase.js';

export interface Resolution {
  diagnostics: Diagnostic[];
  /** The objects whose references were repaired: what is written for them is the model's. */
  repaired: Written[];
}

export function resolveReferences(schema: Schema): Resolution {
  const known: KnownRelations = { relations: new Map(), tables: schema.tables, pageLinks: schema.pageLinks, diagnostics: [], repaired: [] };
  for (const t of schema.tables) known.relations.set(objectKey('relation', t), columnNames(t));
  for (const v of schema.views) known.relations.set(objectKey('relation', v), undefined);
  // Supabase's own tables exist in every Supabase database (and in schemadoc's stand-in).
  if (usesSupabase(schema)) for (const [name, columns] of Object.entries(SUPABASE_TABLES)) known.relations.set(`relation:${name}`, new Set(columns));

  for (const table of schema.tables) resolveTable(known, table);
  for (const index of schema.indexes) resolveIndex(known, index);
  for (const t of schema.triggers) missingRelation(known, t, t.table, t.spans[0], () => `trigger ${t.name}`);
  for (const p of schema.policies) missingRelation(known, p, p.table, p.spans[0], () => `policy "${p.name}"`);
  return { diagnostics: known.diagnostics, repaired: known.repaired };
}

// The work per table and per index is done by functions of the module rather than closures
// made per call: a document has thousands of them, and a module's functions keep their
// optimized code from one document to the next.

interface KnownRelations {
  /** Each table's columns (undefined for a view), by `objectKey('relation', …)`. */
  relations: Map<string, Set<string> | undefined>;
  tables: Table[];
  pageLinks: PageLink[];
  /** Tables by schema and loose name: made at the first reference that misses. */
  byLooseName?: Map<string, QualifiedName[]>;
  diagnostics: Diagnostic[];
  repaired: Written[];
}

function resolveTable(known: KnownRelations, table: Table): void {
  const own = known.relations.get(objectKey('relation', table));
  const leftOut: Constraint[] = [];
  for (const c of table.constraints) {
    // What bullets add is written from the model, so the spelling found is the one written.
    const written = c.spans[0]?.source === 'bullets' ? asWritten(c.columns, own) : undefined;
    if (written) c.columns = written;
    missingColumns(known, table, c.columns, c.spans[0], () => `${c.kind} ${c.name ?? `(${c.columns.join(', ')})`} of ${displayName(table)}`, own);
    if (c.kind !== 'foreign key') continue;
    const found = missingRelation(known, table, c.references!, c.spans[0], () => `foreign key of ${displayName(table)}`, true);
    if (found === 'on a page not given') leftOut.push(c);
    else if (found === 'found') missingColumns(known, c.references!, c.references!.columns, c.spans[0], () => `foreign key of ${displayName(table)}`);
  }
  if (!leftOut.length) return;
  table.constraints = table.constraints.filter((c) => !leftOut.includes(c));
  known.repaired.push(table);
}

function resolveIndex(known: KnownRelations, index: Index): void {
  const what = () => `index ${index.name || `on ${displayName(index.table)}`}`;
  if (missingRelation(known, index, index.table, index.spans[0], what) !== 'found') return;
  const written = index.spans[0]?.source === 'bullets'
    ? asWritten(index.keys.map((k) => k.column ?? ''), known.relations.get(objectKey('relation', index.table))) : undefined;
  if (written) {
    index.keys.forEach((k, i) => { if (k.column) k.column = written[i]!; });
    known.repaired.push(index);
  }
  const columns: string[] = [];
  for (const k of index.keys) if (k.column) columns.push(k.column);
  for (const c of index.include) columns.push(c);
  missingColumns(known, index.table, columns, index.spans[0], what);
}

/**
 * A list in prose names columns as the document writes them (`userId`), not as SQL folds them
 * (`userid`): the columns of that spelling, or undefined when none needs one.
 */
function asWritten(columns: string[], own: Set<string> | undefined): string[] | undefined {
  if (!own) return undefined;
  let changed = false;
  const written = columns.map((c) => {
    const spelled = c && !own.has(c) ? [...own].find((k) => k.toLowerCase() === c) : undefined;
    if (spelled) changed = true;
    return spelled ?? c;
  });
  return changed ? written : undefined;
}

function columnNames(table: Table): Set<string> {
  const names = new Set<string>();
  for (const c of table.columns) names.add(c.name);
  return names;
}

function byLooseName(known: KnownRelations): Map<string, QualifiedName[]> {
  if (known.byLooseName) return known.byLooseName;
  const tables = new Map<string, QualifiedName[]>();
  for (const t of known.tables) {
    for (const name of [t.name, ...(t.aliases ?? [])]) {
      const key = `${t.schema ?? DEFAULT_SCHEMA}.${looseName(name)}`;
      if (!tables.get(key)?.includes(t)) tables.set(key, [...(tables.get(key) ?? []), t]);
    }
  }
  return (known.byLooseName = tables);
}

/**
 * Whether the reference points at a table: a reference that is a spelling of one table is
 * repaired. `what` names the referring object, built only for a message: most references resolve.
 * A foreign key (`leavable`) to a table on a linked page not given is left out, not an error:
 * the page describes its own table faithfully, and the folder checked together has the key.
 */
function missingRelation(
  known: KnownRelations, owner: Written, name: QualifiedName, span: Span | undefined, what: () => string, leavable = false,
): Reference {
  if (known.relations.has(objectKey('relation', name))) return 'found';
  const candidates = byLooseName(known).get(`${name.schema ?? DEFAULT_SCHEMA}.${looseName(name.name)}`) ?? [];
  if (candidates.length === 1) {
    const written = displayName(name);
    name.name = candidates[0]!.name;
    known.repaired.push(owner);
    known.diagnostics.push({
      code: 'SD226', severity: 'warning', span, cause: `${written} → ${displayName(name)}`,
      message: `${what()} refers to table ${written}; read as ${displayName(name)}, the table of that name`,
      fix: displayName(name),
    });
    return 'found';
  }
  // One cause per table never defined, however many refer to it; per schema, when the
  // document describes nothing of that schema (`auth.users`, `billing.*`).
  const elsewhere = name.schema && !known.tables.some((t) => (t.schema ?? DEFAULT_SCHEMA) === name.schema);
  // `[users](users.md)`: the page that describes it, not given with this one.
  const link = known.pageLinks.find((l) => looseName(l.text) === looseName(name.name) || looseName(basename(l.page, '.md')) === looseName(name.name));
  const message = `${what()} refers to table ${displayName(name)}, which the document does not define`;
  if (link) {
    const onPage = `; it links to ${link.page} for it (${basename(link.span.file)}:${link.span.line}), which was not given`;
    const fix = `check the pages together, e.g. '${posix.join(posix.dirname(link.span.file), '*.md')}'`;
    if (leavable) {
      known.diagnostics.push({ code: 'SD229', severity: 'warning', span, cause: `table ${displayName(name)}`, message: `${message}${onPage}: the foreign key is left out`, fix });
      return 'on a page not given';
    }
    known.diagnostics.push({ code: 'SD220', severity: 'error', span, cause: `table ${displayName(name)}`, message: message + onPage, fix });
    return 'missing';
  }
  known.diagnostics.push({
    code: 'SD220', severity: 'error', span, cause: elsewhere ? `schema ${name.schema}` : `table ${displayName(name)}`,
    message: message + (elsewhere ? ` (nor anything else in schema ${name.schema})` : ''),
  });
  return 'missing';
}

/** What a reference to a table found: the table, nothing, or a page that was not given. */
type Reference = 'found' | 'missing' | 'on a page not given';

function missingColumns(
  known: KnownRelations, name: QualifiedName, columns: string[], span: Span | undefined, what: () => string,
  tableColumns = known.relations.get(objectKey('relation', name)),
): void {
  if (!tableColumns) return;
  for (const column of columns) {
    if (tableColumns.has(column)) continue;
    const quoted = [...tableColumns].find((k) => k.toLowerCase() === column);
    known.diagnostics.push({
      code: quoted ? 'SD221' : 'SD220', severity: 'error', span,
      message: quoted
        ? `${what()} refers to column ${column}: PostgreSQL folds the unquoted name to lower case, but the column is "${quoted}"`
        : `${what()} refers to column ${column}, which table ${displayName(name)} does not have`,
      ...(quoted ? { fix: `"${quoted}"` } : {}),
    });
  }
}

/**
 * SQL names tables over code and diagrams: when the document's SQL refers to a table
 * (`CREATE INDEX … ON active_sessions`) that only code or a diagram defines under another
 * spelling (`active_session`), the table takes the SQL's name.
 */
export function adoptSqlNames(schema: Schema): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const sqlReferences: { name: QualifiedName; span: Span }[] = [];
  for (const i of schema.indexes) if (i.spans[0]?.source === 'sql') sqlReferences.push({ name: i.table, span: i.spans[0] });
  for (const t of schema.triggers) sqlReferences.push({ name: t.table, span: t.spans[0]! });
  for (const p of schema.policies) if (p.spans[0]?.source === 'sql') sqlReferences.push({ name: p.table, span: p.spans[0] });
  const defined = new Set<string>();
  for (const t of schema.tables) defined.add(objectKey('relation', t));
  for (const { name, span } of sqlReferences) {
    if (defined.has(objectKey('relation', name))) continue;
    const candidates = schema.tables.filter((t) => (t.schema ?? DEFAULT_SCHEMA) === (name.schema ?? DEFAULT_SCHEMA)
      && looseName(t.name) === looseName(name.name) && t.spans[0]?.source !== 'sql');
    if (candidates.length !== 1) continue;
    const table = candidates[0]!;
    diagnostics.push({
      code: 'SD237', severity: 'warning', span: table.spans[0],
      message: `the ${table.spans[0]?.source} names this table ${displayName(table)}, while the SQL refers to it as ${displayName(name)}; schemadoc uses ${displayName(name)}`,
      related: [{ span, message: `the SQL refers to ${displayName(name)} here` }],
    });
    table.aliases = [...(table.aliases ?? []), table.name];
    table.name = name.name;
    defined.add(objectKey('relation', table));
  }
  return diagnostics;
}
