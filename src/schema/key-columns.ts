import type { Table } from './model.js';

/** A primary key's columns are NOT NULL, however the key came to the table (PostgreSQL marks them so). */
export function markKeyColumns(table: Table): void {
  for (const c of table.constraints) {
    if (c.kind !== 'primary key') continue;
    for (const column of table.columns) if (c.columns.includes(column.name)) column.notNull = true;
  }
}
