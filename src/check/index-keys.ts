// Indexes and the constraints PostgreSQL backs with an index (primary keys, unique), in one
// shape, for the rules about what is indexed.
import type { Schema, Span } from '../schema/model.js';
import { objectKey } from '../schema/names.js';

export interface IndexLike {
  /** `index ix_user_email` or `constraint uq_user_email`, for messages. */
  label: string;
  table: string;
  /** Each key as a column name, `(expression)`, with ` DESC` where descending. */
  keys: string[];
  /** The key columns, or undefined when a key is an expression. */
  columns?: string[];
  method: string;
  unique: boolean;
  where?: string;
  isConstraint: boolean;
  span?: Span;
}

export function indexLikes(schema: Schema): Map<string, IndexLike[]> {
  const byTable = new Map<string, IndexLike[]>();
  const add = (item: IndexLike) => byTable.set(item.table, [...(byTable.get(item.table) ?? []), item]);
  for (const table of schema.tables) {
    for (const c of table.constraints) {
      if (c.kind !== 'primary key' && c.kind !== 'unique') continue;
      add({
        label: c.name ? `constraint ${c.name}` : `the ${c.kind} (${c.columns.join(', ')})`,
        table: objectKey('relation', table), keys: c.columns, columns: c.columns, method: 'btree', unique: true, isConstraint: true, span: c.spans[0],
      });
    }
  }
  for (const index of schema.indexes) {
    const plain = index.keys.every((k) => k.column !== undefined);
    add({
      label: index.name ? `index ${index.name}` : `the index on (${index.keys.map((k) => k.column ?? k.expression).join(', ')})`,
      table: objectKey('relation', index.table),
      keys: index.keys.map((k) => `${k.column ?? `(${k.expression})`}${k.descending ? ' DESC' : ''}${k.opclass ? ` ${k.opclass}` : ''}`),
      ...(plain ? { columns: index.keys.map((k) => k.column!) } : {}),
      method: index.method, unique: index.unique, ...(index.where ? { where: index.where } : {}), isConstraint: false, span: index.spans[0],
    });
  }
  return byTable;
}
