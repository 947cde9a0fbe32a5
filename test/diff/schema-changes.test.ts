// A peer's own test suite: for every pair of migra's fixtures, the plan from a.sql to b.sql,
// run on a database built from a.sql, gives the catalog of one built from b.sql; the plan
// back gives a.sql's again. PostgreSQL builds both references (psql -f) and is the referee.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { planChanges } from '../../src/diff/plan/plan.js';
import { planSql } from '../../src/diff/plan/script.js';
import { withinScope, type Scope } from '../../src/diff/scope.js';
import { readDocumentSides } from '../../src/diff/sides.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { psqlFile, PSQL } from '../helpers/realsql.js';
import { runInTransaction, schemaChangePairs, schemaFacts } from '../helpers/schema-changes.js';

/** migra's CI loads the fixtures as a superuser other than `postgres`, which is a plain grantee there. */
const LOADER = 'schemadoc_fixture_loader';
const asLoader = (url: string) => {
  const u = new URL(url);
  u.username = LOADER;
  u.password = '';
  return u.toString();
};

/** The fixtures migra plans with a scope option. */
const SCOPES: Record<string, { scope: Scope; inScope: (line: string) => boolean }> = {
  excludeschema: { scope: { excludeSchemas: ['excludedschema'] }, inScope: (l) => !l.includes('excludedschema') },
  singleschema: { scope: { schemas: ['goodschema'] }, inScope: (l) => l.includes('goodschema') },
  singleschema_ext: { scope: { schemas: ['goodschema'] }, inScope: (l) => l.includes('goodschema') },
};

describe.skipIf(!SERVER_URL || !PSQL)("schemadoc diff on migra's schema-change pairs", () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`DO $$ BEGIN CREATE ROLE ${LOADER} SUPERUSER LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await admin.query(`DO $$ BEGIN CREATE ROLE postgres; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await admin.end();
  });
  afterAll(closeScratchDatabases);

  it.each(schemaChangePairs())('$name: up reproduces b.sql, down brings a.sql back', async (pair) => {
    const [a, b, scratch] = [await freshServerDatabase(), await freshServerDatabase(), await freshServerDatabase()];
    try {
      for (const [db, file] of [[a, pair.a], [b, pair.b]] as const) {
        if (pair.prelude) psqlFile(asLoader(db.url), pair.prelude);
        psqlFile(asLoader(db.url), file);
      }
      const [factsA, factsB] = [await schemaFacts(a.url), await schemaFacts(b.url)];
      const prelude = pair.prelude ? [{ file: pair.prelude, text: readFileSync(pair.prelude, 'utf8') }] : [];
      // As diff reads two documents: the part of each the other does not share.
      const spec = (file: string) => ({ kind: 'documents' as const, documents: [{ file, text: readFileSync(file, 'utf8') }] });
      const sides = await readDocumentSides(spec(pair.a), spec(pair.b), { scratchUrl: asLoader(scratch.url), prelude });
      for (const side of sides) expect(side.errors).toEqual([]);
      const [from, to] = sides.map((side) => withinScope(side.schema, SCOPES[pair.name]?.scope ?? {}));
      const inScope = SCOPES[pair.name]?.inScope ?? (() => true);

      await runInTransaction(asLoader(a.url), planSql(planChanges(from, to)));
      const expected = [...factsB.filter(inScope), ...factsA.filter((l) => !inScope(l))].sort();
      expect(difference(await schemaFacts(a.url), expected)).toEqual([]);

      await runInTransaction(asLoader(a.url), planSql(planChanges(to, from)));
      expect(difference(await schemaFacts(a.url), factsA)).toEqual([]);
    } finally {
      for (const db of [a, b, scratch]) await db.dispose();
    }
  }, 60_000);
});

/** The lines only one side has, marked `+` (the database has it) or `-` (it lacks it). */
function difference(actual: string[], expected: string[]): string[] {
  const want = new Set(expected);
  const have = new Set(actual);
  return [...actual.filter((l) => !want.has(l)).map((l) => `+ ${l}`), ...expected.filter((l) => !have.has(l)).map((l) => `- ${l}`)];
}
