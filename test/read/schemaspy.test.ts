// SchemaSpy's pages of a table, as Markdown: a column table with the length apart (`Size`),
// `Nulls` and `Auto` check marks, `Parents` references, and its indexes in a table of their
// own. Applied to a real PGlite; what PostgreSQL built is what is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDocuments } from '../../src/compile.js';
import { applyStatements } from '../../src/pg/apply.js';
import { openDatabase, type Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';

const orders = `# Table public.orders

| Column | Type | Size | Nulls | Auto | Default | Children | Parents | Comments |
|---|---|---|---|---|---|---|---|---|
| id | serial | 10 |  | √ | nextval('orders_id_seq'::regclass) | order_items.order_id | | |
| customer_id | int4 | 10 |  |  | null | | public.customers.id | |
| reference | varchar | 40 | √ |  | null | | | external reference |
| total | numeric | 12,2 |  |  | 0 | | | |
| created_at | timestamptz | 35,6 |  |  | now() | | | |

## Indexes

| Constraint Name | Type | Sort | Column(s) |
|---|---|---|---|
| orders_pkey | Primary key | Asc | id |
| orders_reference_key | Must be unique | Asc | reference |
| orders_customer_created | Performance | Asc/Desc | customer_id + created_at |
`;

const customers = `# Table public.customers

| Column | Type | Size | Nulls | Auto | Default | Children | Parents | Comments |
|---|---|---|---|---|---|---|---|---|
| id | serial | 10 |  | √ | nextval('customers_id_seq'::regclass) | public.orders.customer_id | | |
| name | text | 2147483647 |  |  | null | | | |

## Indexes

| Constraint Name | Type | Sort | Column(s) |
|---|---|---|---|
| customers_pkey | Primary key | Asc | id |
`;

describe('SchemaSpy pages', () => {
  let db: Database;
  let diagnostics: string[];
  beforeAll(async () => {
    const compiled = await compileDocuments([{ file: 'orders.md', text: orders }, { file: 'customers.md', text: customers }]);
    diagnostics = compiled.diagnostics.map((d) => `${d.code} ${d.message}`);
    db = await openDatabase({ dataDir: 'memory://' });
    expect((await applyStatements(db, emitStatements(compiled.schema))).diagnostics).toEqual([]);
  });
  afterAll(() => db?.close());

  it('reads every row, nothing reported', () => {
    expect(diagnostics).toEqual([]);
  });

  it('types with their sizes, NOT NULL where Nulls is empty, a serial with its own default', async () => {
    const rows = await db.query<{ c: string }>(`SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END
        || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS c
      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE attrelid = 'public.orders'::regclass AND attnum > 0 ORDER BY attnum`);
    expect(rows.map((r) => r.c)).toEqual([
      "id integer NOT NULL DEFAULT nextval('orders_id_seq'::regclass)",
      'customer_id integer NOT NULL',
      'reference character varying(40)',
      'total numeric(12,2) NOT NULL DEFAULT 0',
      'created_at timestamp with time zone NOT NULL DEFAULT now()',
    ]);
  });

  it('the indexes table: the primary key, a unique index, an index with a descending column; Parents a foreign key', async () => {
    const defs = await db.query<{ d: string }>(`SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index WHERE indrelid = 'public.orders'::regclass ORDER BY 1`);
    expect(defs.map((r) => r.d)).toEqual([
      'CREATE INDEX orders_customer_created ON public.orders USING btree (customer_id, created_at DESC)',
      'CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)',
      'CREATE UNIQUE INDEX orders_reference_key ON public.orders USING btree (reference)',
    ]);
    const keys = await db.query<{ d: string }>(`SELECT pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conrelid = 'public.orders'::regclass AND contype IN ('p', 'f') ORDER BY contype`);
    expect(keys.map((r) => r.d)).toEqual(['FOREIGN KEY (customer_id) REFERENCES customers(id)', 'PRIMARY KEY (id)']);
  });
});
