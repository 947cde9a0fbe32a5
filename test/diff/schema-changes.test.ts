// A peer's own test suite: for every pair of migra's fixtures, the plan from a.sql to b.sql,
// run on a database built from a.sql, gives the catalog of one built from b.sql; the plan
// back gives a.sql's again. PostgreSQL builds both references (psql -f) and is the referee.
// Each plan is proved first (an embedded copy with generated rows), where the copy can be made.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { planChanges } from '../../src/diff/plan/plan.js';
import { planSql } from '../../src/diff/plan/script.js';
import { provePlan } from '../../src/diff/prove/prove.js';
import { withinScope, type Scope } from '../../src/diff/scope.js';
import { proofSummary } from '../../src/report/plan.js';
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

/**
 * The pairs whose plans a proof on the embedded database does not pass, and why: none is the
 * plan's fault but partitioning's, whose rows the plan's SD801 hazard says are lost.
 */
const UNPROVED: Record<string, string> = {
  collations: 'the embedded database has no ICU collations',
  everything: "generated rows break b's new CHECK (price > 10), and a's enum cannot hold b's text values",
  extversions: 'the embedded database ships pg_trgm 1.6, which does not update to 1.4',
  partitioning: 'a table made partitioned is made anew (hazard SD801): its rows are lost, as the plan says',
  privileges: 'on the embedded database the grantee postgres is the owner, whose privileges are not grants',
  singleschema: 'on the embedded database the grantee postgres is the owner, whose privileges are not grants',
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

      const up = planChanges(from, to);
      const down = planChanges(to, from);
      // Proved first, as --prove does: on an embedded copy with generated rows.
      if (!UNPROVED[pair.name]) {
        expect(proofSummary(await provePlan(from, to, up), 'a.sql', 'b.sql')).toMatch(/^Proved/);
        expect(proofSummary(await provePlan(to, from, down), 'b.sql', 'a.sql')).toMatch(/^Proved/);
      }
      await runInTransaction(asLoader(a.url), planSql(up));
      const expected = [...factsB.filter(inScope), ...factsA.filter((l) => !inScope(l))].sort();
      expect(difference(await schemaFacts(a.url), expected)).toEqual([]);

      await runInTransaction(asLoader(a.url), planSql(down));
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
