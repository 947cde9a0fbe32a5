// Real schema files (pg_dump, Rails structure.sql, a Supabase migration, a fixture of odd
// corners): schemadoc apply must build on a server exactly the catalog `psql -f` builds from
// the same file, fact by fact (catalog-facts.sql); and apply on the embedded database must
// succeed for every file whose extensions it ships.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDocuments } from '../../src/compile.js';
import { applyStatements } from '../../src/pg/apply.js';
import { embeddedHas, openDatabase, type Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { hasSupabase, withSupabaseStandIn } from '../../src/pg/supabase.js';
import { usesSupabase } from '../../src/schema/supabase.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { catalogFacts, databaseUrl, PSQL, psqlFile, realSqlFiles, type RealSqlFile } from '../helpers/realsql.js';

/** What `schemadoc apply FILE` does, through the library. */
async function apply(db: Database, file: RealSqlFile) {
  const { schema, diagnostics } = await compileDocuments([{ file: file.path, text: readFileSync(file.path, 'utf8') }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  let statements = emitStatements(schema);
  if (usesSupabase(schema) && !(await hasSupabase(db))) statements = withSupabaseStandIn(statements);
  return applyStatements(db, statements);
}

describe.skipIf(!SERVER_URL || !PSQL)('real SQL on a PostgreSQL server: the catalog psql -f builds', () => {
  for (const file of realSqlFiles()) {
    it(file.file, async () => {
      const admin = databaseUrl(SERVER_URL!, 'postgres');
      // psql's database first: the prelude's roles are cluster-wide and must not be in use by another database.
      const reference = await freshServerDatabase();
      let expected: string[];
      try {
        for (const prelude of file.prelude) psqlFile(reference.url, prelude);
        psqlFile(reference.url, file.path);
        expected = await catalogFacts(file.database ? databaseUrl(admin, file.database) : reference.url);
      } finally {
        await reference.dispose();
        if (file.database) await dropDatabase(admin, file.database);
      }
      const mine = await freshServerDatabase();
      try {
        for (const prelude of file.prelude) psqlFile(mine.url, prelude);
        const db = await openDatabase({ url: mine.url });
        try {
          const outcome = await apply(db, file);
          expect(outcome.diagnostics).toEqual([]);
          expect(outcome.ok).toBe(true);
        } finally {
          await db.close();
        }
        expect(await catalogFacts(mine.url)).toEqual(expected);
      } finally {
        await mine.dispose();
      }
    }, 120_000);
  }
});

describe('real SQL on the embedded database', () => {
  const shipped = realSqlFiles().filter((f) => f.prelude.every((p) => p.endsWith('supabase.sql')) && f.needs.every(embeddedHas));
  it('covers the files whose extensions it ships', () => {
    expect(shipped.map((f) => f.file)).toEqual(['pagila.sql', 'chinook.sql', 'supanext.sql']);
  });
  for (const file of shipped) {
    it(`applies ${file.file}`, async () => {
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        const outcome = await apply(db, file);
        expect(outcome.diagnostics).toEqual([]);
        const [tables] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'p') AND s.nspname NOT IN ('pg_catalog', 'information_schema', 'auth', 'storage')`);
        const created = readFileSync(file.path, 'utf8').match(/^\s*create (unlogged )?table /gim)?.length ?? 0;
        expect(tables!.n).toBe(created);
      } finally {
        await db.close();
      }
    }, 120_000);
  }
});

async function dropDatabase(admin: string, name: string): Promise<void> {
  const db = await openDatabase({ url: admin });
  try {
    await db.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await db.close();
  }
}
