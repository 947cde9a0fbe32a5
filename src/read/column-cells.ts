// A table of columns recognised by its cells, whatever its header says and in whatever
// language: one column holds identifiers, another holds what PostgreSQL's parser reads as a
// type (`SELECT NULL::<cell>`), or a documentation or ORM type name schemadoc maps.
import { plain, readTypeCell } from './column-vocabulary.js';
import type { MarkdownTable } from './markdown.js';
import { parseOne } from './sql/ast.js';

/** Types PostgreSQL ships (or common extensions add) whose names its grammar does not single out. */
const KNOWN_TYPES = new Set([
  'text', 'varchar', 'char', 'bpchar', 'name', 'uuid', 'json', 'jsonb', 'xml', 'date', 'bytea', 'money',
  'int2', 'int4', 'int8', 'int', 'float4', 'float8', 'bool', 'serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8',
  'timestamptz', 'timetz', 'inet', 'cidr', 'macaddr', 'macaddr8', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle',
  'tsvector', 'tsquery', 'varbit', 'int4range', 'int8range', 'numrange', 'tsrange', 'tstzrange', 'daterange', 'oid',
  'citext', 'hstore', 'ltree', 'geometry', 'geography', 'vector',
]);
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_$]*$/u;
/** Of a column's filled cells, the share that must be types, and identifiers. */
const TYPES_AT_LEAST = 0.6;
const NAMES_AT_LEAST = 0.8;

export function isTypeCell(cell: string): boolean {
  const reading = readTypeCell(cell);
  if (!reading.sql) return false;
  if (reading.synonym || reading.enumValues) return true;
  const parsed = parseOne(`SELECT NULL::${reading.sql}`);
  if ('error' in parsed) return false;
  const names: string[] = (parsed.node.targetList?.[0]?.ResTarget?.val?.TypeCast?.typeName?.names ?? []).map((n: { String?: { sval: string } }) => n.String?.sval ?? '');
  return names[0] === 'pg_catalog' || KNOWN_TYPES.has((names.at(-1) ?? '').toLowerCase());
}

function isNameCell(cell: string): boolean {
  return IDENTIFIER.test(plain(cell).replace(/^`|`$/g, '').replace(/\s*\((pk|fk)\)$/i, ''));
}

/** The share of a column's filled cells that pass `test` (0 when none is filled). */
function share(table: MarkdownTable, at: number, test: (cell: string) => boolean): number {
  const cells = table.rows.map((row) => plain(row[at]?.text ?? '')).filter((c) => c && !/^[-–—]$/.test(c));
  return cells.length ? cells.filter(test).length / cells.length : 0;
}

export function typeColumnHoldsTypes(table: MarkdownTable, at: number): boolean {
  return at >= 0 && share(table, at, isTypeCell) >= TYPES_AT_LEAST;
}

/**
 * Which columns hold the names and the types, where the header does not say: the first
 * column (with no role of its own) whose cells are mostly types, and the first other one
 * whose cells are identifiers.
 */
export function nameAndTypeFromCells(table: MarkdownTable, known: (string | undefined)[]): { name?: number; type?: number; description?: number } {
  if (!table.rows.length) return {};
  const free = table.header.map((_, i) => i).filter((i) => known[i] === undefined || known[i] === 'description');
  // Each cell goes through the parser once.
  const typed = new Set(free.filter((i) => share(table, i, isTypeCell) >= TYPES_AT_LEAST));
  const type = known.includes('type') ? undefined : free.find((i) => typed.has(i));
  const name = known.includes('name') ? undefined : free.find((i) => !typed.has(i) && share(table, i, isNameCell) >= NAMES_AT_LEAST);
  // The last column left, after the type, is the description: where keys are often stated ("Primary key (PK)").
  const after = Math.max(type ?? -1, name ?? -1);
  const description = known.includes('description') || after < 0 ? undefined : free.filter((i) => i > after && known[i] === undefined).at(-1);
  return { ...(name === undefined ? {} : { name }), ...(type === undefined ? {} : { type }), ...(description === undefined ? {} : { description }) };
}
