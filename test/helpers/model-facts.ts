// The facts of a schema that the model holds, one line each, written the same way from the
// model and from a database's catalog, so that a test can hold the model to what PostgreSQL built.
import pg from 'pg';
import { constraintName } from '../../src/merge/table-changes.js';
import type { Schema } from '../../src/schema/model.js';

const KIND: Record<string, string> = { 'primary key': 'p', unique: 'u', 'foreign key': 'f', check: 'c', exclude: 'x' };

/** Stand-in schemas and what extensions own are left out, as catalog-facts.sql leaves them out. */
const LEFT_OUT = new Set(['auth', 'storage', 'extensions']);

const q = (schema: string | undefined, name: string) => `${schema ?? 'public'}.${name}`;

export function modelFacts(schema: Schema): string[] {
  const facts: string[] = [];
  const keep = (s: string | undefined) => !LEFT_OUT.has(s ?? 'public');
  for (const s of schema.schemas) if (keep(s.name)) facts.push(`schema ${s.name}`);
  for (const t of schema.tables) {
    if (!keep(t.schema)) continue;
    facts.push(`relation ${q(t.schema, t.name)} ${t.partitionBy ? 'p' : 'r'}`);
    for (const c of t.columns) {
      facts.push(`column ${q(t.schema, t.name)}.${c.name}${c.notNull ? ' not null' : ''}`);
      // serial and identity columns own a sequence PostgreSQL names after them.
      if (c.identity || /^(small|big)?serial$/.test(c.type.name)) facts.push(`relation ${q(t.schema, `${t.name}_${c.name}_seq`)} S`);
    }
    for (const c of t.constraints) facts.push(`constraint ${q(t.schema, t.name)} ${constraintName(t, c)} ${KIND[c.kind]}`);
  }
  for (const v of schema.views) if (keep(v.schema)) facts.push(`relation ${q(v.schema, v.name)} ${v.materialized ? 'm' : 'v'}`);
  for (const s of schema.sequences) if (keep(s.schema)) facts.push(`relation ${q(s.schema, s.name)} S`);
  for (const i of schema.indexes) if (i.name && keep(i.table.schema)) facts.push(`index ${q(i.table.schema, i.name)}`);
  for (const e of schema.enums) if (keep(e.schema)) facts.push(`enum ${q(e.schema, e.name)} ${e.values.join(',')}`);
  for (const f of schema.functions) if (keep(f.schema)) facts.push(`function ${q(f.schema, f.name)}`);
  for (const t of schema.triggers) if (keep(t.table.schema)) facts.push(`trigger ${q(t.table.schema, t.table.name)} ${t.name}`);
  for (const p of schema.policies) if (keep(p.table.schema)) facts.push(`policy ${q(p.table.schema, p.table.name)} ${p.name}`);
  return [...new Set(facts)].sort();
}

/** The same facts of a database. */
export async function databaseFacts(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(CATALOG);
    return [...new Set(rows.map((r) => r.line))].sort();
  } finally {
    await client.end();
  }
}

const CATALOG = `
WITH ns AS (SELECT oid, nspname FROM pg_namespace
            WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'auth', 'storage', 'extensions')
              AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'),
ext AS (SELECT objid FROM pg_depend WHERE deptype = 'e'),
rel AS (SELECT c.oid, c.relname, c.relkind, n.nspname FROM pg_class c JOIN ns n ON n.oid = c.relnamespace
        WHERE c.oid NOT IN (SELECT objid FROM ext))
SELECT 'schema ' || nspname AS line FROM ns WHERE nspname <> 'public'
UNION ALL SELECT 'relation ' || nspname || '.' || relname || ' ' || relkind::text FROM rel WHERE relkind IN ('r', 'p', 'v', 'm', 'S')
UNION ALL SELECT 'column ' || r.nspname || '.' || r.relname || '.' || a.attname || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
  FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid WHERE a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p')
UNION ALL SELECT 'constraint ' || r.nspname || '.' || r.relname || ' ' || k.conname || ' ' || k.contype::text
  FROM pg_constraint k JOIN rel r ON r.oid = k.conrelid WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
    -- A foreign key to a partitioned table has a copy per partition it references, on the same table: PostgreSQL's bookkeeping.
    AND NOT (k.conparentid <> 0 AND k.conrelid = (SELECT p.conrelid FROM pg_constraint p WHERE p.oid = k.conparentid))
UNION ALL SELECT 'index ' || r.nspname || '.' || r.relname FROM rel r JOIN pg_index i ON i.indexrelid = r.oid
  WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = r.oid AND k.contype IN ('p', 'u', 'x'))
    AND i.indrelid NOT IN (SELECT objid FROM ext)
UNION ALL SELECT 'enum ' || n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
  FROM pg_type t JOIN ns n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE t.oid NOT IN (SELECT objid FROM ext) GROUP BY n.nspname, t.typname
UNION ALL SELECT 'function ' || n.nspname || '.' || p.proname FROM pg_proc p JOIN ns n ON n.oid = p.pronamespace
  WHERE p.oid NOT IN (SELECT objid FROM ext) AND p.prokind IN ('f', 'p')
UNION ALL SELECT 'trigger ' || r.nspname || '.' || r.relname || ' ' || t.tgname FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid
  WHERE NOT t.tgisinternal AND t.tgparentid = 0
UNION ALL SELECT 'policy ' || schemaname || '.' || tablename || ' ' || policyname FROM pg_policies
  WHERE schemaname IN (SELECT nspname FROM ns)`;
