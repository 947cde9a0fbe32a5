// migrate up --prove: the pending migrations run first on an embedded copy of the database's
// schema filled with generated rows; the copy must then be what the files build, with every
// row of every column that stays.
import { change } from '../diff/plan/change.js';
import { proveChange, type Proof } from '../diff/prove/prove.js';
import { withinScope } from '../diff/scope.js';
import type { Database } from '../pg/database.js';
import { introspect } from '../pg/introspect/introspect.js';
import { extensionsFor } from '../pg/supabase.js';
import type { MigrationFile } from './files.js';
import { appliedMigrations } from './history.js';
import { migrateUp, pendingFiles } from './run.js';
import { migrationsState } from './state.js';

/** Undefined when nothing is pending. */
export async function provePending(db: Database, files: MigrationFile[], to?: string): Promise<Proof | undefined> {
  const applied = await appliedMigrations(db);
  const pending = pendingFiles(files, applied, to);
  if (!pending.length) return undefined;
  const done = new Set(applied.map((a) => a.id));
  // The history is the runner's, not the schema's.
  const current = withinScope((await introspect(db)).schema, { excludeSchemas: ['schemadoc'] });
  const target = await migrationsState([...files.filter((f) => done.has(f.id)), ...pending], extensionsFor(current));
  return proveChange(current, target, async (copy) => {
    const outcome = await migrateUp(copy, pending);
    return outcome.failed ? { change: change('alter', 'migration', outcome.failed.id, []), error: outcome.failed.error } : undefined;
  });
}
