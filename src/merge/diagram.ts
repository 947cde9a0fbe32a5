// What an ER diagram says next to the other representations: tables only it defines,
// columns it shows or leaves out, relationships and the foreign keys that back them.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Column, QualifiedName, Span, Table } from '../schema/model.js';
import { displayName, looseName } from '../schema/names.js';
import { entityTable, type Relationship } from '../read/mermaid.js';
import { declaredLength } from './stated.js';
import { sourceOf, type MergedTables } from './tables.js';

export interface DiagramComparison {
  diagnostics: Diagnostic[];
  /** Entities that are abstract bases (`User ||--|| BaseEntity : "extends base entity"`), not tables. */
  removed: Set<Table>;
}

export function compareRepresentations(
  merged: MergedTables, relationships: Relationship[], hints: { table: QualifiedName; column: string; span: Span }[],
): DiagramComparison {
  const diagnostics: Diagnostic[] = [];
  const removed = new Set<Table>();
  const entity = (name: string) => merged.find(entityTable(name));

  for (const rel of relationships.filter((r) => /\b(extends?|inherits?|base)\b/i.test(r.label))) {
    const base = entity(rel.right);
    if (base && sourceOf(base) === 'diagram') removed.add(base);
  }

  for (const table of merged.tables) {
    if (removed.has(table)) continue;
    const diagrams = merged.alternatives.get(table)?.filter((t) => sourceOf(t) === 'diagram') ?? [];
    if (sourceOf(table) === 'diagram') {
      diagnostics.push({
        code: 'SD232', severity: 'warning', span: table.spans[0], cause: 'diagram only',
        message: `table ${displayName(table)} is defined only by the ER diagram; schemadoc creates it from the diagram's attributes`,
      });
    }
    for (const diagram of diagrams) compareColumns(table, diagram, diagnostics);
    for (const other of merged.alternatives.get(table)?.filter((t) => sourceOf(t) !== 'diagram') ?? []) {
      compareDefinitions(table, other, diagnostics);
    }
  }

  // A document with a diagram: the tables it leaves out (a diagram is often a summary, hence info).
  const inRelationships = new Set(relationships.flatMap((r) => [entity(r.left), entity(r.right)]));
  const drawn = new Set(merged.tables.filter((t) => inRelationships.has(t) || sourceOf(t) === 'diagram' || merged.alternatives.get(t)?.some((a) => sourceOf(a) === 'diagram')));
  let firstDiagram: Span | undefined = relationships[0]?.span;
  for (const t of drawn) firstDiagram ??= t.spans.find((s) => s.source === 'diagram');
  const notDrawn = merged.tables.filter((t) => !drawn.has(t) && !removed.has(t));
  if (firstDiagram && notDrawn.length) {
    diagnostics.push({
      code: 'SD243', severity: 'info', span: firstDiagram,
      message: `the ER diagram does not show ${notDrawn.length === 1 ? 'table' : 'tables'} ${notDrawn.map((t) => displayName(t)).join(', ')}`,
    });
  }

  for (const rel of relationships) {
    if (/\b(extends?|inherits?|base)\b/i.test(rel.label)) continue;
    const left = entity(rel.left);
    const right = entity(rel.right);
    const missing = [[rel.left, left], [rel.right, right]].filter(([, t]) => !t).map(([name]) => name as string);
    if (missing.length) {
      diagnostics.push({
        code: 'SD233', severity: 'warning', span: rel.span,
        message: `the relationship ${rel.left} → ${rel.right} names ${missing.join(' and ')}, which nothing in the document defines`,
      });
      continue;
    }
    backRelationship(rel, left!, right!, diagnostics);
  }

  for (const hint of hints) {
    const table = merged.find(hint.table);
    if (!table || removed.has(table)) continue;
    const hasForeignKey = table.constraints.some((c) => c.kind === 'foreign key' && c.columns.includes(hint.column) || c.kind === 'foreign key' && c.columns.some((x) => looseName(x) === looseName(hint.column)));
    if (!hasForeignKey) {
      diagnostics.push({
        code: 'SD236', severity: 'warning', span: hint.span, cause: 'FK mark',
        message: `${displayName(table)}.${hint.column} is marked FK in the diagram, but ${sourceOf(table) === 'diagram' ? 'no relationship says what it references' : `the ${sourceOf(table)} definition has no REFERENCES for it`}`,
        ...(sourceOf(table) !== 'diagram' ? { related: [{ span: table.spans[0]!, message: `${displayName(table)} as the ${sourceOf(table)} defines it` }] } : {}),
      });
    }
  }
  return { diagnostics, removed };
}

function compareColumns(table: Table, diagram: Table, diagnostics: Diagnostic[]): void {
  const inDiagram = new Set(diagram.columns.map((c) => looseName(c.name)));
  const notShown = table.columns.filter((c) => !inDiagram.has(looseName(c.name)));
  if (notShown.length) {
    diagnostics.push({
      code: 'SD230', severity: 'info', span: diagram.spans[0], cause: 'some columns',
      message: `the diagram's ${diagram.name} shows only some columns of ${displayName(table)}; not shown: ${notShown.map((c) => c.name).join(', ')}`,
      related: [{ span: table.spans[0]!, message: `${displayName(table)} as the ${sourceOf(table)} defines it` }],
    });
  }
  for (const column of diagram.columns) {
    const mine = table.columns.find((c) => looseName(c.name) === looseName(column.name));
    if (mine && column.comment) compareDiagramComment(table, mine, column.comment, column.spans[0]!, diagnostics);
  }
  const inTable = new Set(table.columns.map((c) => looseName(c.name)));
  for (const column of diagram.columns.filter((c) => !inTable.has(looseName(c.name)))) {
    diagnostics.push({
      code: 'SD231', severity: 'warning', span: column.spans[0],
      message: `the diagram gives ${diagram.name} a column ${column.name} that ${displayName(table)} does not have`,
      related: [{ span: table.spans[0]!, message: `${displayName(table)} as the ${sourceOf(table)} defines it` }],
    });
  }
}

/**
 * What a comment states explicitly about a column ("Unique username (4-15 chars)") against
 * what the winning definition makes of it.
 */
function compareDiagramComment(table: Table, column: Column, comment: string, span: Span, diagnostics: Diagnostic[]): void {
  const differences: string[] = [];
  const unique = table.constraints.some((c) => (c.kind === 'unique' || c.kind === 'primary key') && c.columns.length === 1 && c.columns[0] === column.name);
  if (/\bunique\b/i.test(comment) && !unique) differences.push('unique (it is not)');
  const length = /(\d+)\s*(?:-|–|to)\s*(\d+)\s*(?:chars?|characters)\b/i.exec(comment) ?? /\bmax(?:imum)?\s*(\d+)?\s*(\d+)\s*(?:chars?|characters)\b/i.exec(comment);
  const declared = declaredLength(column.type.sql);
  if (length && declared !== undefined && Number(length[2]) !== declared) {
    differences.push(`at most ${length[2]} characters (it is ${column.type.sql}${length[1] ? `, with no CHECK for the minimum of ${length[1]}` : ''})`);
  }
  if (differences.length) {
    diagnostics.push({
      code: 'SD239', severity: 'warning', span,
      message: `the diagram says ${displayName(table)}.${column.name} is ${differences.join(' and ')}`,
      related: [{ span: column.spans[0]!, message: `${displayName(table)}.${column.name} as the ${sourceOf(table)} defines it` }],
    });
  }
}

/**
 * Two real definitions of one table (SQL and code, SQL and a column table): every column
 * whose type, nullability or uniqueness differs is reported at the losing place.
 */
function compareDefinitions(winner: Table, other: Table, diagnostics: Diagnostic[]): void {
  const unique = (t: Table, column: string) => t.constraints.some((c) => (c.kind === 'unique' || c.kind === 'primary key') && c.columns.length === 1 && c.columns[0] === column);
  const statesKeys = other.constraints.some((c) => c.kind === 'unique' || c.kind === 'primary key');
  for (const column of other.columns) {
    const mine = winner.columns.find((c) => looseName(c.name) === looseName(column.name));
    const related = (what: string) => [{ span: mine?.spans[0] ?? winner.spans[0]!, message: `${what} in the ${sourceOf(winner)}` }];
    if (!mine) {
      diagnostics.push({
        code: 'SD231', severity: 'warning', span: column.spans[0],
        message: `the ${sourceOf(other)} gives ${displayName(winner)} a column ${column.name} that the ${sourceOf(winner)} does not have`,
        related: related(`${displayName(winner)}`),
      });
      continue;
    }
    const differences: string[] = [];
    if (normalType(mine.type.sql) !== normalType(column.type.sql)) differences.push(`type ${column.type.sql} (the ${sourceOf(winner)} says ${mine.type.sql})`);
    if (mine.notNull !== column.notNull) differences.push(column.notNull ? `NOT NULL (the ${sourceOf(winner)} allows NULL)` : `nullable (the ${sourceOf(winner)} says NOT NULL)`);
    // A definition that states no key at all (tbls's Columns table) says nothing of keys.
    if (statesKeys && unique(winner, mine.name) !== unique(other, column.name)) differences.push(unique(other, column.name) ? `unique (the ${sourceOf(winner)} says not unique)` : `not unique (the ${sourceOf(winner)} says unique)`);
    if (statesKeys && primaryKey(winner, mine.name) !== primaryKey(other, column.name)) differences.push(primaryKey(other, column.name) ? `part of the primary key (the ${sourceOf(winner)} says not)` : `not part of the primary key (the ${sourceOf(winner)} says it is)`);
    if (column.default !== undefined && mine.default !== undefined && normalDefault(column.default) !== normalDefault(mine.default)) {
      differences.push(`DEFAULT ${column.default} (the ${sourceOf(winner)} says DEFAULT ${mine.default})`);
    }
    const theirs = foreignKeyOf(other, column.name);
    const ours = foreignKeyOf(winner, mine.name);
    if (theirs && !ours) differences.push(`a reference to ${displayName(theirs.references!)} (the ${sourceOf(winner)} has no foreign key)`);
    else if (theirs && ours && (theirs.onDelete ?? 'no action') !== (ours.onDelete ?? 'no action')) {
      differences.push(`ON DELETE ${(theirs.onDelete ?? 'no action').toUpperCase()} (the ${sourceOf(winner)} says ${(ours.onDelete ?? 'no action').toUpperCase()})`);
    }
    if (differences.length) {
      diagnostics.push({
        code: 'SD238', severity: 'warning', span: column.spans[0], cause: `${sourceOf(other)} against ${sourceOf(winner)}`,
        message: `the ${sourceOf(other)} makes ${displayName(winner)}.${column.name} ${differences.join(', ')}; schemadoc follows the ${sourceOf(winner)}`,
        related: related(`${displayName(winner)}.${mine.name}`),
      });
    }
  }
}

function primaryKey(t: Table, column: string): boolean {
  return t.constraints.some((c) => c.kind === 'primary key' && c.columns.includes(column));
}

function foreignKeyOf(t: Table, column: string) {
  return t.constraints.find((c) => c.kind === 'foreign key' && c.columns.length === 1 && c.columns[0] === column);
}

/** Spellings of one default: `now()` ≈ `CURRENT_TIMESTAMP`, `'x'::text` ≈ `'x'`, two random-UUID functions. */
function normalDefault(sql: string): string {
  return sql.toLowerCase().replace(/::[a-z ]+(\[\])?/g, '').replace(/\s+/g, '')
    .replace(/^current_timestamp$/, 'now()').replace(/^gen_random_uuid\(\)$/, 'uuid_generate_v4()');
}

/** Spellings of one type: `int` ≈ `integer` ≈ `int4`, `varchar` ≈ `character varying`. */
function normalType(sql: string): string {
  return sql.toLowerCase().replace(/\s+/g, ' ')
    .replace(/^(int|int4|integer)\b/, 'integer').replace(/^int8\b/, 'bigint').replace(/^int2\b/, 'smallint')
    .replace(/^character varying\b/, 'varchar').replace(/^bool\b/, 'boolean').replace(/^timestamptz\b/, 'timestamp with time zone')
    .replace(/^(decimal)\b/, 'numeric').replace(/^timestamp without time zone\b/, 'timestamp');
}

const MANY = new Set(['zero-or-more', 'one-or-more']);

/** The child holds the foreign key: the "many" side, or the optional side of a one-to-one. */
function backRelationship(rel: Relationship, left: Table, right: Table, diagnostics: Diagnostic[]): void {
  const rightIsChild = MANY.has(rel.rightCardinality)
    || (!MANY.has(rel.leftCardinality) && !(rel.leftCardinality === 'zero-or-one' && rel.rightCardinality === 'exactly-one'));
  const [child, parent] = rightIsChild ? [right, left] : [left, right];
  const column = foreignKeyColumn(child, parent, rel.label);
  if (!column) {
    diagnostics.push({
      code: 'SD235', severity: 'info', span: rel.span, cause: 'no column',
      message: `the relationship ${rel.left} → ${rel.right}${rel.label ? ` (${rel.label})` : ''} is not backed by any column: ${displayName(child)} has no ${singular(parent.name)}_id`,
    });
    return;
  }
  const existing = child.constraints.find((c) => c.kind === 'foreign key' && c.columns.length === 1 && c.columns[0] === column.name);
  const oneToOne = !MANY.has(rel.leftCardinality) && !MANY.has(rel.rightCardinality);
  const unique = child.constraints.some((c) => (c.kind === 'unique' || c.kind === 'primary key') && c.columns.length === 1 && c.columns[0] === column.name);
  if (oneToOne !== unique) {
    diagnostics.push({
      code: 'SD241', severity: 'warning', span: rel.span,
      message: oneToOne
        ? `the diagram says ${rel.left} and ${rel.right} are one-to-one, but ${displayName(child)}.${column.name} is not unique, so the database allows many`
        : `the diagram says one ${rel.left} has many ${rel.right}, but ${displayName(child)}.${column.name} is unique, so the database allows one`,
      related: [{ span: column.spans[0]!, message: `${displayName(child)}.${column.name}` }],
    });
  }
  if (existing) return;
  if (sourceOf(child) === 'diagram') {
    const key = parent.constraints.find((c) => c.kind === 'primary key')?.columns;
    child.constraints.push({
      kind: 'foreign key', columns: [column.name],
      references: { ...(parent.schema ? { schema: parent.schema } : {}), name: parent.name, columns: key?.length === 1 ? key : [] },
      spans: [rel.span],
    });
    return;
  }
  diagnostics.push({
    code: 'SD234', severity: 'warning', span: rel.span, cause: 'no foreign key',
    message: `the diagram relates ${rel.left} to ${rel.right}, so ${displayName(child)}.${column.name} should reference ${displayName(parent)}, but the ${sourceOf(child)} definition has no such foreign key`,
    related: [{ span: column.spans[0]!, message: `${displayName(child)}.${column.name} as the ${sourceOf(child)} defines it` }],
  });
}

/** The column of `child` that refers to `parent`: the one the relationship's label names (`"reports_to"`), else `<parent>_id`, in any spelling. */
function foreignKeyColumn(child: Table, parent: Table, label: string): Column | undefined {
  const named = child.columns.find((c) => looseName(c.name) === looseName(label.trim()));
  if (named) return named;
  const wanted = new Set([looseName(`${parent.name}_id`), looseName(`${singular(parent.name)}_id`), looseName(`${singular(parent.name)}Id`)]);
  return child.columns.find((c) => wanted.has(looseName(c.name)));
}

function singular(name: string): string {
  return name.replace(/ies$/, 'y').replace(/s$/, '');
}
