// One introspection of a server database in this fresh process, for bench/introspect.ts:
// schemadoc's, pg-structure's, or four bare catalog queries. Prints {"ms": …}: from before
// connecting to the model (or rows) in hand.
import { createRequire } from 'node:module';
import pg from 'pg';
import type { Db } from 'pg-structure';
import { openDatabase } from '../src/pg/database.js';
import { introspect } from '../src/pg/introspect/introspect.js';

const [mode, url] = process.argv.slice(2) as [string, string];
// A CommonJS package whose default export ESM sees as the module itself.
const pgStructure: (url: string, options: { includeSchemas: string[] }) => Promise<Db> = createRequire(import.meta.url)('pg-structure').default;

/** The rows every introspection needs at least: relations, columns, constraints, indexes. */
const BARE = [
  `SELECT c.oid, c.relname, c.relkind, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
  `SELECT a.attrelid, a.attname, a.atttypid, a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0`,
  `SELECT conrelid, conname, contype, conkey, confrelid, confkey FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
  `SELECT i.indexrelid, i.indrelid, i.indkey, i.indisunique FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'public'::regnamespace`,
];

const start = performance.now();
if (mode === 'schemadoc') {
  const db = await openDatabase({ url });
  await introspect(db);
  await db.close();
} else if (mode === 'pg-structure') {
  const db = await pgStructure(url, { includeSchemas: ['public'] });
  if (db.schemas.get('public').tables.length === 0) throw new Error('pg-structure read no tables');
} else {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of BARE) await client.query(sql);
  await client.end();
}
console.log(JSON.stringify({ ms: performance.now() - start }));
