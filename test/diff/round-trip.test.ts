// Document → apply → introspect is the document's canonical model: what schemadoc reads back
// from a database it built is what it reads the document as, object by object (and the plan
// between the two is empty), on the embedded
// database and on a PostgreSQL server (whose major version differs from the embedded one's).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { compareSchemas } from '../../src/diff/compare.js';
import { planChanges } from '../../src/diff/plan/plan.js';
import { applyStatements } from '../../src/pg/apply.js';
import { emitStatements } from '../../src/pg/emit.js';
import { introspect } from '../../src/pg/introspect/introspect.js';
import { extensionsFor, hasSupabase, withoutPlatformGrants, withSupabaseStandIn } from '../../src/pg/supabase.js';
import { usesSupabase } from '../../src/schema/supabase.js';
import { openTarget, TARGETS } from '../helpers/databases.js';
import { allSeeds, CORPUS_DIR } from '../helpers/documents.js';

const documents = [...allSeeds(), ...readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => CORPUS_DIR + f)];

afterAll(closeScratchDatabases);

for (const target of TARGETS) {
  describe.skipIf(!target.enabled)(`document → apply → introspect is the canonical model, on ${target.name}`, () => {
    const roundTripped: string[] = [];
    it.each(documents)('%s', async (path) => {
      const text = readFileSync(path, 'utf8');
      const { schema } = await compileDocuments([{ file: path, text }]);
      const canonical = await canonicalSchema(schema, new Map([[path, text]]));
      // A document PostgreSQL refuses has no exact model to hold a database to.
      if (canonical.diagnostics.some((d) => d.severity === 'error') || schema.tables.length === 0) return;
      const { db, dispose } = await openTarget(target.name, extensionsFor(schema));
      try {
        let statements = emitStatements(schema);
        if (usesSupabase(schema) && !(await hasSupabase(db))) statements = withSupabaseStandIn(statements);
        const outcome = await applyStatements(db, statements);
        expect(outcome.diagnostics).toEqual([]);
        const database = await introspect(db, { schemas: canonical.schemas });
        // What the stand-in grants Supabase's roles is the platform's, as in verify.
        if (usesSupabase(schema)) withoutPlatformGrants(database.schema);
        expect(compareSchemas(canonical.schema, database.schema)).toEqual([]);
        // And so the plan from the database to the document has nothing to do.
        expect(planChanges(database.schema, canonical.schema).changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual([]);
        roundTripped.push(path);
      } finally {
        await dispose();
      }
    }, 60_000);

    it('covers every seed that applies (004 has an error that blocks apply) and most of the corpus', () => {
      expect(roundTripped.filter((p) => p.includes('/seeds/')).map((p) => p.split('/').pop()!.slice(0, 3))).toEqual(['000', '001', '002', '003']);
      expect(roundTripped.length).toBeGreaterThanOrEqual(20);
    });
  });
}
