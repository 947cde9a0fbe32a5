// Real schema files (pg_dump, Rails structure.sql, a Supabase migration, a fixture of odd
// corners): schemadoc apply must build on a server exactly the catalog `psql -f` builds from
// the same file, fact by fact (catalog-facts.sql); the model read from the file must hold what
// that catalog holds; and apply on the embedded database must succeed for every file whose
// extensions it ships.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { compareSchemas } from '../../src/diff/compare.js';
import { markdownDocument } from '../../src/generate/markdown.js';
import { planChanges } from '../../src/diff/plan/plan.js';
import { introspect } from '../../src/pg/introspect/introspect.js';
import { applyStatements } from '../../src/pg/apply.js';
import { embeddedHas, openDatabase, type Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { extensionsFor, hasSupabase, withoutPlatformGrants, withSupabaseStandIn } from '../../src/pg/supabase.js';
import type { Schema } from '../../src/schema/model.js';
import { usesSupabase } from '../../src/schema/supabase.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { databaseFacts, modelFacts } from '../helpers/model-facts.js';
import {
  canonicalOf, catalogFacts, databaseUrl, modelDefinitions, printedDefinitions, PSQL, psqlFile, realSqlFiles, type RealSqlFile,
} from '../helpers/realsql.js';

function compile(file: RealSqlFile) {
  return compileDocuments([{ file: file.path, text: readFileSync(file.path, 'utf8') }]);
}

/** What `schemadoc apply FILE` does, through the library. */
async function apply(db: Database, file: RealSqlFile) {
  const { schema, diagnostics } = await compile(file);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  let statements = emitStatements(schema);
  if (usesSupabase(schema) && !(await hasSupabase(db))) statements = withSupabaseStandIn(statements);
  return applyStatements(db, statements);
}

afterAll(closeScratchDatabases);

describe.skipIf(!SERVER_URL)('real SQL on a PostgreSQL server: the catalog psql -f builds', () => {
  it('has psql to build the reference catalogs with', () => {
    expect(PSQL).toBeDefined();
  });
  for (const file of realSqlFiles()) {
    it(file.file, async () => {
      const admin = databaseUrl(SERVER_URL!, 'postgres');
      // The file's canonical model first (its run is rolled back, roles and all): on the embedded
      // database where it ships the file's extensions, else on the server.
      const canonical = await canonicalOf(file);
      expect(canonical.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // psql's database first: the prelude's roles are cluster-wide and must not be in use by another database.
      const reference = await freshServerDatabase();
      let expected: string[];
      let built: string[];
      try {
        for (const prelude of file.prelude) psqlFile(reference.url, prelude);
        psqlFile(reference.url, file.path);
        const where = file.database ? databaseUrl(admin, file.database) : reference.url;
        expected = await catalogFacts(where);
        built = await databaseFacts(where);
        // Read back from what psql built, it is the same model, object by object.
        const db = await openDatabase({ url: where });
        try {
          const database = await introspect(db, { schemas: canonical.schemas });
          expect(compareSchemas(canonical.schema, database.schema)).toEqual([]);
          expect(planChanges(database.schema, canonical.schema).changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual([]);
          // The definitions schemadoc spells itself are PostgreSQL's, letter for letter.
          const printed = await printedDefinitions(db, canonical.schemas);
          const spelled = modelDefinitions(database.schema);
          expect(spelled.size).toBeGreaterThan(0);
          for (const [key, definition] of spelled) expect(definition, key).toBe(printed.get(key));
        } finally {
          await db.close();
        }
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
      // The model itself, before anything runs, holds what psql built: relations, columns and
      // their nullability, constraints by name, indexes, enums, functions, triggers, policies.
      const { schema } = await compile(file);
      const byQuery = madeByQuery(schema);
      expect(modelFacts(schema)).toEqual(built.filter((fact) => !byQuery.some((t) => fact.startsWith(`relation ${t} `) || fact.startsWith(`column ${t}.`))));
    }, 120_000);
  }
});

/** Where the embedded database ships its extensions, the file is read there (PostgreSQL's other major version). */

describe.skipIf(!SERVER_URL)('docs of real SQL read back as the same schema (extensions the embedded database lacks: on the server)', () => {
  for (const file of realSqlFiles().filter((f) => !f.needs.every(embeddedHas))) {
    it(file.file, async () => {
      const before = await canonicalOf(file);
      expect(before.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const markdown = markdownDocument(before.schema, { source: file.file });
      const { schema, diagnostics } = await compileDocuments([{ file: 'docs.md', text: markdown }]);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const after = await canonicalOf(file, { schema, sources: new Map([['docs.md', markdown]]) });
      expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(compareSchemas(before.schema, after.schema)).toEqual([]);
    }, 120_000);
  }
});

/**
 * The one difference the model keeps: a table made by CREATE TABLE … AS is run as written, but
 * its columns come from a query whose types only PostgreSQL knows, so it is not in the model.
 */
function madeByQuery(schema: Schema): string[] {
  const tables = new Set(schema.tables.map((t) => `${t.schema ?? 'public'}.${t.name}`));
  return schema.script.filter((s) => s.kind === 'table' && /^create\s+table\s+[\s\S]*?\bas\s+(select|with|values|table)\b/i.test(s.sql))
    .flatMap((s) => s.provides.filter((k) => k.startsWith('relation:')).map((k) => k.slice('relation:'.length)))
    .filter((t) => !tables.has(t));
}

describe('real SQL on the embedded database', () => {
  const shipped = realSqlFiles().filter((f) => f.prelude.every((p) => p.endsWith('supabase.sql')) && f.needs.every(embeddedHas));
  it('covers the files whose extensions it ships', () => {
    expect(shipped.map((f) => f.file)).toEqual(['pagila.sql', 'chinook.sql', 'supanext.sql']);
  });
  for (const file of shipped) {
    it(`applies ${file.file}`, async () => {
      const db = await openDatabase({ dataDir: 'memory://', extensions: extensionsFor((await compile(file)).schema) });
      try {
        const outcome = await apply(db, file);
        expect(outcome.diagnostics).toEqual([]);
        const [tables] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'p') AND s.nspname NOT IN ('pg_catalog', 'information_schema', 'auth', 'storage')`);
        const created = readFileSync(file.path, 'utf8').match(/^\s*create (unlogged )?table /gim)?.length ?? 0;
        expect(tables!.n).toBe(created);
        // Read back, it is the file's canonical model.
        const canonical = await canonicalOf(file);
        const database = await introspect(db, { schemas: canonical.schemas });
        // What the stand-in grants Supabase's roles is the platform's, as in verify.
        withoutPlatformGrants(database.schema);
        expect(compareSchemas(canonical.schema, database.schema)).toEqual([]);
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
