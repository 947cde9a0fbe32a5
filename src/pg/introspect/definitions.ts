// Keys, foreign keys and plain indexes spelled exactly as `pg_get_constraintdef` and
// `pg_get_indexdef` spell them. PostgreSQL's printing costs a catalog lookup per object (a
// tenth of a second for a thousand tables); these are the common shapes, and the catalog
// queries ask PostgreSQL for every other one.
import type { Constraint, Index, IndexKey } from '../../schema/model.js';
import { ident, qualified } from '../quote.js';
import { DEFAULT_SCHEMA } from '../../schema/names.js';

const ACTION_SQL: Record<string, string> = { 'no action': '', restrict: 'RESTRICT', cascade: 'CASCADE', 'set null': 'SET NULL', 'set default': 'SET DEFAULT' };

const list = (names: string[]) => names.map(ident).join(', ');

/** A primary key, unique or foreign key constraint as `pg_get_constraintdef` prints it (with public on the search_path). */
export function constraintDefinition(c: Constraint, include: string[]): string {
  const timing = `${c.deferrable ? ' DEFERRABLE' : ''}${c.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;
  if (c.kind === 'foreign key') {
    const target = c.references!;
    const table = (target.schema ?? DEFAULT_SCHEMA) === DEFAULT_SCHEMA ? ident(target.name) : qualified(target);
    return `FOREIGN KEY (${list(c.columns)}) REFERENCES ${table}(${list(target.columns)})`
      + `${c.match === 'full' ? ' MATCH FULL' : ''}`
      + `${ACTION_SQL[c.onUpdate!] ? ` ON UPDATE ${ACTION_SQL[c.onUpdate!]}` : ''}`
      + `${ACTION_SQL[c.onDelete!] ? ` ON DELETE ${ACTION_SQL[c.onDelete!]}` : ''}`
      + `${timing}${c.notValid ? ' NOT VALID' : ''}`;
  }
  return `${c.kind === 'primary key' ? 'PRIMARY KEY' : 'UNIQUE'}${c.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${list(c.columns)})`
    + `${include.length ? ` INCLUDE (${list(include)})` : ''}${timing}`;
}

/** An index's parts, with its schema and table by name. */
export type PlainIndex = Pick<Index, 'name' | 'unique' | 'method' | 'keys' | 'include' | 'where' | 'nullsNotDistinct'> & { schema: string; table: string };

/** An index on columns, with the default operator classes and collations, as `pg_get_indexdef` prints it. */
export function indexDefinition(i: PlainIndex): string {
  const key = (k: IndexKey) => `${ident(k.column!)}${k.descending ? ` DESC${k.nullsFirst === false ? ' NULLS LAST' : ''}` : k.nullsFirst ? ' NULLS FIRST' : ''}`;
  return `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${ident(i.name)} ON ${qualified({ schema: i.schema, name: i.table })} USING ${i.method} (${i.keys.map(key).join(', ')})`
    + `${i.include.length ? ` INCLUDE (${list(i.include)})` : ''}${i.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}${i.where ? ` WHERE ${i.where}` : ''}`;
}
