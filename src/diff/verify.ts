// `verify`: the document's canonical model against a database's, object by object.
import type { Database } from '../pg/database.js';
import { schemasOf } from '../pg/existing.js';
import type { Unmodelled } from '../pg/introspect/introspect.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import type { QualifiedName, Schema } from '../schema/model.js';
import { DEFAULT_SCHEMA } from '../schema/names.js';
import { canonicalSchema, readAgainst, refusals, type Canonical } from './canonical.js';
import { compareSchemas, type Difference } from './compare.js';
import { driftDiagnostics } from './drift.js';

export interface VerifyOptions {
  /** Object names left out: `schema_migrations`, `public.ar_*`, `audit.*`. */
  ignore?: string[];
  /** Schemas to compare besides those the document makes objects in. */
  schemas?: string[];
  /** An empty server database to read the documents in (rolled back), instead of the embedded one. */
  scratchUrl?: string;
  progress?: (what: string, done: number, total: number) => void;
}

export interface Verification {
  /** The document's SQL that PostgreSQL refuses: with it, there is nothing exact to compare. */
  documentErrors: Diagnostic[];
  differences: Difference[];
  diagnostics: Diagnostic[];
  document: Canonical;
  /** What the database has of kinds the model does not hold, in the schemas compared. */
  unmodelled: Unmodelled[];
}

export async function verifySchema(schema: Schema, sources: Map<string, string>, db: Database, options: VerifyOptions = {}): Promise<Verification> {
  const schemas = options.schemas ? withDocument(schema, options.schemas) : schemasOf(schema);
  // The database is read while the documents run in the scratch database: neither waits for the other.
  const [document, database] = await Promise.all([
    canonicalSchema(schema, sources, {
      schemas, ...(options.progress ? { progress: options.progress } : {}), ...(options.scratchUrl ? { url: options.scratchUrl } : {}),
    }),
    readAgainst(db, schema, schemas),
  ]);
  const documentErrors = refusals(document);
  if (documentErrors.length) return { documentErrors, differences: [], diagnostics: [], document, unmodelled: [] };
  const ignored = ignoring(options.ignore ?? []);
  const differences = compareSchemas(document.schema, database.schema, { ignored });
  return { documentErrors, differences, diagnostics: driftDiagnostics(differences), document, unmodelled: database.unmodelled };
}

function withDocument(schema: Schema, schemas: string[]): string[] {
  return [...new Set([...schemasOf(schema), ...schemas])];
}

/** `*` is any part of a name; a pattern with no schema matches in every schema. */
export function ignoring(patterns: string[]): (name: QualifiedName) => boolean {
  const expressions = patterns.map((p) => {
    const [schema, name] = p.includes('.') ? [p.slice(0, p.indexOf('.')), p.slice(p.indexOf('.') + 1)] : ['*', p];
    const part = (glob: string) => glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${part(schema)}\\.${part(name!)}$`);
  });
  return (o) => expressions.some((e) => e.test(`${o.schema ?? DEFAULT_SCHEMA}.${o.name}`));
}
