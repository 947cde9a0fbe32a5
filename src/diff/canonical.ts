// What PostgreSQL makes of a document: its schema is run in the scratch database (as check
// runs it) and read back by the introspector that reads live databases, so that a document
// and a database are compared like with like: `int4` and `integer`, `now()` and
// `CURRENT_TIMESTAMP`, a generated constraint name and the one PostgreSQL chose, are the same.
import { executeSchema, type ExecuteOptions } from '../check/execute.js';
import type { Database } from '../pg/database.js';
import { schemasOf } from '../pg/existing.js';
import { introspect, type Introspection } from '../pg/introspect/introspect.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Schema } from '../schema/model.js';
import { withoutPlatformGrants } from '../pg/supabase.js';
import { usesSupabase } from '../schema/supabase.js';
import { carrySpans } from './spans.js';

export interface Canonical extends Introspection {
  /** Where the document's SQL failed: what failed is missing from the canonical model. */
  diagnostics: Diagnostic[];
}

export async function canonicalSchema(
  schema: Schema, sources: Map<string, string>, options: Pick<ExecuteOptions, 'url' | 'prelude' | 'progress' | 'statements'> & { schemas?: string[] } = {},
): Promise<Canonical> {
  let read: Introspection | undefined;
  const schemas = options.schemas ?? schemasOf(schema);
  const execution = await executeSchema(schema, sources, {
    ...options,
    afterSchema: async (db) => {
      read = await introspect(db, { schemas, inTransaction: true });
    },
  });
  // What the scratch database made besides the document (the Supabase stand-in's extensions) is not the document's.
  read!.schema.extensions = read!.schema.extensions.filter((e) => schema.extensions.some((x) => x.name === e.name));
  // The scratch database's version of an extension is not the document's, unless the document states it.
  for (const e of read!.schema.extensions) if (!schema.extensions.some((x) => x.name === e.name && x.version)) delete e.version;
  if (usesSupabase(schema)) withoutPlatformGrants(read!.schema);
  carrySpans(schema, read!.schema);
  return { ...read!, diagnostics: execution.diagnostics };
}

/** What PostgreSQL refuses of the documents (or an extension the scratch database lacks leaves out): with it, nothing is exact. */
export const refusals = (canonical: Canonical): Diagnostic[] => canonical.diagnostics.filter((d) => d.severity === 'error' || d.code === 'SD402');

/** A database read as it is compared with the documents' canonical model: in its schemas (`schemasOf`), without a platform's own grants. */
export async function readAgainst(db: Database, schema: Schema, schemas: string[]): Promise<Introspection> {
  const database = await introspect(db, { schemas });
  if (usesSupabase(schema)) withoutPlatformGrants(database.schema);
  return database;
}
