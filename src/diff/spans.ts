// A canonical model has no document lines of its own: each object takes the lines of the
// document's object it is (same kind, same name, same table), so that what is compared later
// is reported where the document says it; and what only the document says of a table or column:
// the names it had, where declared, its name and type in the application's code, its description.
import { constraintName } from '../merge/table-changes.js';
import type { Constraint, Index, QualifiedName, Schema, Span, Table } from '../schema/model.js';
import { nameKey, sameName } from '../schema/names.js';

const onTable = (o: { name: string; table: QualifiedName }) => `${nameKey(o.table)} ${o.name}`;

/** The document's objects by key, looked up once each: a thousand tables are a thousand lookups, not a million comparisons. */
function byKey<T>(objects: T[], key: (o: T) => string): Map<string, T> {
  const found = new Map<string, T>();
  for (const o of objects) if (!found.has(key(o))) found.set(key(o), o);
  return found;
}

export function carrySpans(document: Schema, canonical: Schema): void {
  const tables = byKey(document.tables, nameKey);
  for (const table of canonical.tables) {
    const written = tables.get(nameKey(table));
    if (!written) continue;
    table.spans = written.spans;
    if (written.renamedFrom) table.renamedFrom = written.renamedFrom;
    if (written.description) table.description = written.description;
    for (const column of table.columns) {
      const stated = written.columns.find((c) => c.name === column.name);
      column.spans = stated?.spans ?? written.spans;
      if (stated?.renamedFrom) column.renamedFrom = stated.renamedFrom;
      if (stated?.using) column.using = stated.using;
      if (stated?.property) column.property = stated.property;
      if (stated?.description) column.description = stated.description;
      if (stated?.codeType) column.codeType = stated.codeType;
    }
    for (const constraint of table.constraints) constraint.spans = constraintIn(written, constraint)?.spans ?? written.spans;
  }
  const tableSpans = (name: QualifiedName) => tables.get(nameKey(name))?.spans ?? [];
  const indexes = byKey(document.indexes, (i) => `${nameKey(i.table)} ${i.name}`);
  for (const index of canonical.indexes) {
    const written = indexes.get(`${nameKey(index.table)} ${index.name}`) ?? sameKeys(document.indexes, index);
    index.spans = written?.spans ?? tableSpans(index.table);
  }
  type Named = QualifiedName & { spans: Span[] };
  const pairs: [Named[], Named[]][] = [
    [canonical.enums, document.enums], [canonical.types, document.types], [canonical.views, document.views], [canonical.functions, document.functions],
  ];
  for (const [mine, theirs] of pairs) {
    const written = byKey(theirs, nameKey);
    for (const o of mine) o.spans = written.get(nameKey(o))?.spans ?? [];
  }
  const sequences = byKey(document.sequences, nameKey);
  // A serial column's sequence is the column's: the document may never name it.
  for (const sequence of canonical.sequences) sequence.spans = sequences.get(nameKey(sequence))?.spans ?? ownerSpans(tables, sequence.definition);
  const triggers = byKey(document.triggers, onTable);
  for (const trigger of canonical.triggers) trigger.spans = triggers.get(onTable(trigger))?.spans ?? tableSpans(trigger.table);
  const policies = byKey(document.policies, onTable);
  for (const policy of canonical.policies) policy.spans = policies.get(onTable(policy))?.spans ?? tableSpans(policy.table);
  for (const extension of canonical.extensions) extension.spans = document.extensions.find((e) => e.name === extension.name)?.spans ?? [];
  for (const schema of canonical.schemas) schema.spans = document.schemas.find((s) => s.name === schema.name)?.spans ?? [];
  // A privilege is stated where its table is.
  for (const grant of canonical.grants) grant.spans = tables.get(grant.requires[0]?.replace(/^relation:/, '') ?? '')?.spans ?? [];
  const comments = byKey(document.comments, (c) => `${c.targetKind} ${c.target.split('.').pop()}`);
  for (const comment of canonical.comments) comment.spans = comments.get(`${comment.targetKind} ${comment.target.split('.').pop()}`)?.spans ?? [];
}

function constraintIn(table: Table, constraint: Constraint): Constraint | undefined {
  return table.constraints.find((c) => constraintName(table, c) === constraint.name)
    ?? table.constraints.find((c) => c.kind === constraint.kind && c.columns.join() === constraint.columns.join());
}

function sameKeys(indexes: Index[], index: Index): Index | undefined {
  const keys = (i: Index) => i.keys.map((k) => k.column ?? k.expression).join();
  return indexes.find((i) => sameName(i.table, index.table) && keys(i) === keys(index));
}

/** `… OWNED BY public.users.id;` → the lines of that column. */
function ownerSpans(tables: Map<string, Table>, definition: string): Span[] {
  const owner = / OWNED BY (.+)\.([^.]+)$/.exec(definition);
  if (!owner) return [];
  const [schema, name] = owner[1]!.includes('.') ? owner[1]!.split('.') : ['public', owner[1]!];
  const table = tables.get(nameKey({ schema: unquote(schema!), name: unquote(name!) }));
  return table?.columns.find((c) => c.name === unquote(owner[2]!))?.spans ?? table?.spans ?? [];
}

const unquote = (name: string) => name.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
