// The schema a command writes from: what PostgreSQL makes of the documents (run in a scratch
// embedded database), or what a database holds.
import { closeScratchDatabases, type ExecuteOptions } from '../check/execute.js';
import { compileDocuments } from '../compile.js';
import { canonicalSchema } from '../diff/canonical.js';
import { DEFAULT_DATA_DIR, openDatabase } from '../pg/database.js';
import { holdsDatabase } from '../pg/data-dir.js';
import { introspect } from '../pg/introspect/introspect.js';
import type { DocumentInput } from '../read/document.js';
import { plural } from '../report/pretty.js';
import type { Schema } from '../schema/model.js';
import { report } from './output.js';
import { UsageError } from './usage.js';

export async function databaseSchema(values: { db?: string; 'data-dir'?: string; schema?: string[] }): Promise<{ schema: Schema; source: string }> {
  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  if (values['data-dir'] && !holdsDatabase(dataDir)) throw new UsageError(`${dataDir} is not an embedded database (it has no PG_VERSION)`);
  const db = await openDatabase(values.db ? { url: values.db } : { dataDir });
  try {
    const read = await introspect(db, values.schema ? { schemas: values.schema } : {});
    if (read.unmodelled.length) {
      const named = read.unmodelled.slice(0, 5).map((o) => `${o.kind} ${o.name}`).join(', ');
      console.error(`Not written (kinds schemadoc does not model): ${plural(read.unmodelled.length, 'object')}, ${named}${read.unmodelled.length > 5 ? ', …' : ''}.`);
    }
    return { schema: read.schema, source: db.description };
  } finally {
    await db.close().catch(() => {});
  }
}

/** What PostgreSQL makes of the documents; undefined (reported) when it refuses some of their SQL. */
export async function documentsSchema(
  inputs: DocumentInput[], options: Pick<ExecuteOptions, 'url' | 'prelude'> = {},
): Promise<{ schema: Schema; source: string } | undefined> {
  const { schema, diagnostics } = await compileDocuments(inputs);
  const sources = new Map(inputs.map((i) => [i.file, i.text]));
  try {
    const canonical = await canonicalSchema(schema, sources, options);
    const errors = [...diagnostics, ...canonical.diagnostics].filter((d) => d.severity === 'error');
    if (errors.length) {
      report(errors, 'pretty', sources);
      console.error(`Nothing was written: PostgreSQL refuses ${plural(errors.length, 'statement')} of the documents (schemadoc check shows every finding).`);
      return undefined;
    }
    return { schema: canonical.schema, source: inputs.map((i) => i.file).join(', ') };
  } finally {
    await closeScratchDatabases();
  }
}
