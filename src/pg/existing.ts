// What a database already has where a schema is to be created. apply creates a schema in an
// empty database only: on top of what is there it would fail halfway, or (with --force) make
// a second copy of every foreign key under another name.
import type { Schema } from '../schema/model.js';
import { DEFAULT_SCHEMA } from '../schema/names.js';
import type { Database } from './database.js';

export interface ExistingObjects {
  /** `table public.author`, `function public.slugify` …, the first few. */
  names: string[];
  count: number;
}

/** The schemas a schema's objects are made in. */
export function schemasOf(schema: Schema): string[] {
  const names = new Set<string>(schema.schemas.map((s) => s.name));
  for (const objects of [schema.tables, schema.views, schema.functions, schema.enums, schema.types, schema.sequences]) {
    for (const o of objects) names.add(o.schema ?? DEFAULT_SCHEMA);
  }
  return [...names];
}

const KINDS: Record<string, string> = { r: 'table', p: 'table', v: 'view', m: 'materialized view', S: 'sequence', f: 'foreign table' };

/** Tables, views, sequences, types and functions in those schemas that no extension owns. */
export async function existingObjects(db: Database, schemas: string[]): Promise<ExistingObjects> {
  const rows = await db.query<{ kind: string; name: string }>(
    `WITH owned AS (SELECT objid FROM pg_catalog.pg_depend WHERE deptype = 'e')
     SELECT c.relkind::text AS kind, n.nspname || '.' || c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.oid NOT IN (SELECT objid FROM owned)
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT 'type', n.nspname || '.' || t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = ANY($1) AND t.typtype IN ('e', 'd', 'r', 'm') AND t.oid NOT IN (SELECT objid FROM owned)
     UNION ALL
     SELECT 'function', n.nspname || '.' || p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY($1) AND p.oid NOT IN (SELECT objid FROM owned)
     ORDER BY 1, 2`,
    [schemas],
  );
  return { names: rows.slice(0, 5).map((r) => `${KINDS[r.kind] ?? r.kind} ${r.name}`), count: rows.length };
}
