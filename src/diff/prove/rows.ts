// Rows for a schema with no data: a few per table, each column given a value of its type that
// its constraints accept where that can be told (a foreign key takes a row of the table it
// references; a column checked against a list takes the list's first value, one checked against
// a range a value in it), NULL where it may
// be, its default where it has one. A table whose rows PostgreSQL refuses is left empty and named.
import type { Database } from '../../pg/database.js';
import { attempt } from '../../pg/savepoint.js';
import { ident, literal, qualified } from '../../pg/quote.js';
import type { Column, Constraint, EnumType, Schema, Table } from '../../schema/model.js';
import { DEFAULT_SCHEMA, nameKey, objectKey } from '../../schema/names.js';
import { orderByDependencies } from '../../pg/order.js';
import { readCheck, type CheckRule } from '../../read/sql/check-rules.js';

export const ROWS_PER_TABLE = 3;

export interface Filled {
  rows: number;
  /** Tables left empty, with PostgreSQL's reason. */
  empty: { table: string; reason: string }[];
}

export async function fillTables(db: Database, schema: Schema): Promise<Filled> {
  const filled: Filled = { rows: 0, empty: [] };
  for (const table of referencedFirst(schema.tables.filter((t) => !t.partitionBy))) {
    let reason = '';
    let rows = 0;
    for (let k = 0; k < ROWS_PER_TABLE; k++) {
      const error = await tryInsert(db, table, k, schema);
      if (error) reason = error;
      else rows++;
    }
    filled.rows += rows;
    if (reason && !rows) filled.empty.push({ table: qualified(table), reason });
  }
  return filled;
}

async function tryInsert(db: Database, table: Table, k: number, schema: Schema): Promise<string | undefined> {
  let error: string | undefined;
  // First with a value in every column it can give one, then with NULL wherever that is allowed.
  for (const nullable of [false, true]) {
    const columns = table.columns.filter((c) => !c.generated && c.identity !== 'always' && !(c.default !== undefined && !referenced(table, c)));
    const values = columns.map((c) => (nullable && !c.notNull ? 'NULL' : valueOf(table, c, k, schema)));
    const usable = columns.filter((_, i) => values[i] !== undefined);
    if (usable.length !== columns.length && columns.some((c, i) => values[i] === undefined && c.notNull)) continue;
    const sql = usable.length
      ? `INSERT INTO ${qualified(table)} (${usable.map((c) => ident(c.name)).join(', ')}) SELECT ${values.filter((v) => v !== undefined).join(', ')}`
      : `INSERT INTO ${qualified(table)} DEFAULT VALUES`;
    const refused = await attempt(db, sql);
    if (!refused) return undefined;
    error = refused.message;
  }
  return error ?? 'no value of its types can be made up';
}

/** A key other tables reference, or a unique one: given a value, not its default, so that rows differ. */
const referenced = (table: Table, c: Column) => table.constraints.some((k) => (k.kind === 'primary key' || k.kind === 'unique' || k.kind === 'foreign key') && k.columns.includes(c.name));

function valueOf(table: Table, column: Column, k: number, schema: Schema): string | undefined {
  const fk = table.constraints.find((c) => c.kind === 'foreign key' && c.columns.includes(column.name));
  if (fk?.references?.columns.length) {
    const target = fk.references.columns[fk.columns.indexOf(column.name)]!;
    // Two keys to one table (follower and followed) take different rows of it.
    const nth = table.constraints.filter((c) => c.kind === 'foreign key' && nameKey(c.references!) === nameKey(fk.references!)).indexOf(fk);
    return `(SELECT ${ident(target)} FROM ${qualified(fk.references)} ORDER BY 1 LIMIT 1 OFFSET ${(k + nth) % ROWS_PER_TABLE})`;
  }
  const rules = checkRules(table, column);
  const listed = rules.find((r) => r.kind === 'values' && !r.negated);
  if (listed?.kind === 'values') return `${typeof listed.values[0] === 'string' ? literal(listed.values[0]) : listed.values[0]}::${column.type.sql}`;
  const type = column.type;
  if (type.arrayDimensions) return `'{}'::${type.sql}`;
  const enumType = schema.enums.find((e: EnumType) => e.name === type.name && (e.schema ?? DEFAULT_SCHEMA) === (type.schema ?? DEFAULT_SCHEMA));
  if (enumType) return `${literal(enumType.values[k % enumType.values.length]!)}::${type.sql}`;
  const n = k + 1;
  switch (type.name) {
    case 'int2': case 'int4': case 'int8': case 'numeric': case 'float4': case 'float8': case 'money': return `${inRange(rules, n)}::${type.sql}`;
    case 'text': case 'varchar': case 'bpchar': case 'citext': case 'name':
      return `left(${literal(`${column.name} ${n}`)}, ${type.modifiers[0] ?? 1000})::${type.sql}`;
    case 'bool': return n % 2 ? 'true' : 'false';
    case 'date': return `DATE '2024-01-01' + ${n}`;
    case 'timestamp': case 'timestamptz': return `(TIMESTAMP '2024-01-01 12:00' + interval '${n} day')::${type.sql}`;
    case 'time': case 'timetz': return `'12:0${n}'::${type.sql}`;
    case 'interval': return `interval '${n} day'`;
    case 'uuid': return `md5(${literal(`${table.name}.${column.name}.${n}`)})::uuid`;
    case 'json': case 'jsonb': return `'{"n": ${n}}'::${type.sql}`;
    case 'bytea': return `'\\x0${n}'::bytea`;
    case 'inet': case 'cidr': return `'10.0.0.${n}'::${type.sql}`;
    default: return column.notNull ? undefined : 'NULL';
  }
}

/** The rules of a column's own CHECKs, read once per constraint (each row of each table asks again). */
const readings = new WeakMap<Constraint, CheckRule[]>();

function checkRules(table: Table, column: Column): CheckRule[] {
  return table.constraints.filter((c) => c.kind === 'check' && c.columns.length === 1 && c.columns[0] === column.name && c.expression).flatMap((c) => {
    let rules = readings.get(c);
    if (!rules) readings.set(c, (rules = readCheck(c.expression!, column.name).rules));
    return rules;
  });
}

/** `n`, moved into the range the column's CHECKs give (`status_code >= 100 AND status_code < 600` → 100 + n - 1). */
function inRange(rules: CheckRule[], n: number): number {
  let low: number | undefined;
  let high: number | undefined;
  for (const rule of rules) {
    if (rule.kind !== 'compare') continue;
    if (rule.op === '>=' || rule.op === '>') low = Math.max(low ?? -Infinity, rule.op === '>' ? Math.floor(rule.value) + 1 : Math.ceil(rule.value));
    if (rule.op === '<=' || rule.op === '<') high = Math.min(high ?? Infinity, rule.op === '<' ? Math.ceil(rule.value) - 1 : Math.floor(rule.value));
  }
  const value = low !== undefined && n < low ? low + n - 1 : n;
  return high !== undefined && value > high ? Math.max(high - ROWS_PER_TABLE + n, low ?? -Infinity) : value;
}

/** Tables before those whose foreign keys reference them (a cycle in the order given). */
export function referencedFirst(tables: Table[]): Table[] {
  return orderByDependencies(tables.map((table) => ({
    table, provides: [objectKey('relation', table)],
    requires: table.constraints.filter((c) => c.kind === 'foreign key').map((c) => objectKey('relation', c.references!)),
  }))).map((t) => t.table);
}
