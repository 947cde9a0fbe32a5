// A canonical model has no document lines of its own: each object takes the lines of the
// document's object it is (same kind, same name, same table), so that what is compared later
// is reported where the document says it.
import { constraintName } from '../merge/table-changes.js';
import type { Constraint, Index, QualifiedName, Schema, Span, Table } from '../schema/model.js';
import { sameName } from '../schema/names.js';

export function carrySpans(document: Schema, canonical: Schema): void {
  const find = <T extends QualifiedName>(objects: T[], o: QualifiedName) => objects.find((d) => sameName(d, o));
  for (const table of canonical.tables) {
    const written = find(document.tables, table);
    if (!written) continue;
    table.spans = written.spans;
    for (const column of table.columns) column.spans = written.columns.find((c) => c.name === column.name)?.spans ?? written.spans;
    for (const constraint of table.constraints) constraint.spans = constraintIn(written, constraint)?.spans ?? written.spans;
  }
  for (const index of canonical.indexes) {
    const written = document.indexes.find((i) => i.name === index.name && sameName(i.table, index.table)) ?? sameKeys(document.indexes, index);
    index.spans = written?.spans ?? tableSpans(document, index.table);
  }
  type Named = QualifiedName & { spans: Span[] };
  const pairs: [Named[], Named[]][] = [
    [canonical.enums, document.enums], [canonical.types, document.types], [canonical.views, document.views], [canonical.functions, document.functions],
  ];
  for (const [mine, theirs] of pairs) for (const o of mine) o.spans = find(theirs, o)?.spans ?? [];
  for (const sequence of canonical.sequences) {
    // A serial column's sequence is the column's: the document may never name it.
    sequence.spans = find(document.sequences, sequence)?.spans ?? ownerSpans(document, sequence.definition);
  }
  for (const trigger of canonical.triggers) {
    trigger.spans = document.triggers.find((t) => t.name === trigger.name && sameName(t.table, trigger.table))?.spans ?? tableSpans(document, trigger.table);
  }
  for (const policy of canonical.policies) {
    policy.spans = document.policies.find((p) => p.name === policy.name && sameName(p.table, policy.table))?.spans ?? tableSpans(document, policy.table);
  }
  for (const extension of canonical.extensions) extension.spans = document.extensions.find((e) => e.name === extension.name)?.spans ?? [];
  for (const schema of canonical.schemas) schema.spans = document.schemas.find((s) => s.name === schema.name)?.spans ?? [];
  for (const comment of canonical.comments) {
    const unqualified = comment.target.split('.').pop()!;
    comment.spans = document.comments.find((c) => c.targetKind === comment.targetKind && c.target.split('.').pop() === unqualified)?.spans ?? [];
  }
}

function constraintIn(table: Table, constraint: Constraint): Constraint | undefined {
  return table.constraints.find((c) => constraintName(table, c) === constraint.name)
    ?? table.constraints.find((c) => c.kind === constraint.kind && c.columns.join() === constraint.columns.join());
}

function sameKeys(indexes: Index[], index: Index): Index | undefined {
  const keys = (i: Index) => i.keys.map((k) => k.column ?? k.expression).join();
  return indexes.find((i) => sameName(i.table, index.table) && keys(i) === keys(index));
}

function tableSpans(document: Schema, name: QualifiedName): Span[] {
  return document.tables.find((t) => sameName(t, name))?.spans ?? [];
}

/** `… OWNED BY public.users.id;` → the lines of that column. */
function ownerSpans(document: Schema, definition: string): Span[] {
  const owner = / OWNED BY (.+)\.([^.]+)$/.exec(definition);
  if (!owner) return [];
  const [schema, name] = owner[1]!.includes('.') ? owner[1]!.split('.') : ['public', owner[1]!];
  const table = document.tables.find((t) => sameName(t, { schema: unquote(schema!), name: unquote(name!) }));
  return table?.columns.find((c) => c.name === unquote(owner[2]!))?.spans ?? table?.spans ?? [];
}

const unquote = (name: string) => name.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
