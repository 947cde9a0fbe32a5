// What the migration files build: each up file run in order on an empty embedded database,
// read back as the model the documents are compared with.
import { introspect } from '../pg/introspect/introspect.js';
import { asPostgresError, openDatabase } from '../pg/database.js';
import type { Schema } from '../schema/model.js';
import { migrationParts, type MigrationFile } from './files.js';

export class MigrationError extends Error {}

export async function migrationsState(files: MigrationFile[], extensions: string[]): Promise<Schema> {
  const created = files.flatMap((f) => [...f.up.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)].map((m) => m[1]!.toLowerCase()));
  const db = await openDatabase({ dataDir: 'memory://', extensions: [...new Set([...extensions, ...created])] });
  try {
    for (const file of files) {
      const { inside, outside } = migrationParts(file.up);
      try {
        await db.exec(inside);
        // Built concurrently on a live database; here, where nothing else runs, plainly.
        for (const statement of outside) await db.exec(statement.replace(/\bCONCURRENTLY\s+/i, ''));
      } catch (error) {
        throw new MigrationError(`${file.upPath} fails on the database the migrations before it build: ${asPostgresError(error).message}`);
      }
    }
    const read = await introspect(db);
    read.schema.schemas = read.schema.schemas.filter((s) => s.name !== 'schemadoc');
    return read.schema;
  } finally {
    await db.close().catch(() => {});
  }
}
