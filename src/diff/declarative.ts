// Declarative apply: the changes that bring a database that already has a schema to what the
// documents describe, both read as PostgreSQL makes them.
import type { Database } from '../pg/database.js';
import { schemasOf } from '../pg/existing.js';
import type { DocumentInput } from '../read/document.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Schema } from '../schema/model.js';
import { canonicalSchema, readAgainst, refusals } from './canonical.js';
import type { Plan } from './plan/change.js';
import type { PlanOptions } from './plan/context.js';
import { planChanges } from './plan/plan.js';

export interface DocumentPlan {
  /** The documents' SQL that PostgreSQL refuses: then there is no plan. */
  errors: Diagnostic[];
  plan?: Plan;
  /** The two models planned between: what the database holds, what the documents describe. */
  database?: Schema;
  document?: Schema;
}

export async function planToDocuments(
  schema: Schema, sources: Map<string, string>, db: Database, options: PlanOptions & { scratchUrl?: string; prelude?: DocumentInput[] } = {},
): Promise<DocumentPlan> {
  const schemas = schemasOf(schema);
  // The database is read while the documents run in the scratch database.
  const [document, database] = await Promise.all([
    canonicalSchema(schema, sources, {
      schemas, ...(options.scratchUrl ? { url: options.scratchUrl } : {}), ...(options.prelude ? { prelude: options.prelude } : {}),
    }),
    readAgainst(db, schema, schemas),
  ]);
  const errors = refusals(document);
  if (errors.length) return { errors };
  return { errors, plan: planChanges(database.schema, document.schema, options), database: database.schema, document: document.schema };
}
