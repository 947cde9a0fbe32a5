// An edited document reaches a database that has data: the plan from version 1 to version 2
// keeps every row of every column that stays (a declared rename moves them), the database then
// verifies against version 2, and the plan back brings version 1 and its rows again. On the
// embedded database and on a server, through the planner and through `apply`.
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { planToDocuments } from '../../src/diff/declarative.js';
import type { Plan } from '../../src/diff/plan/change.js';
import { planChanges } from '../../src/diff/plan/plan.js';
import { readSide } from '../../src/diff/sides.js';
import { runPlan } from '../../src/diff/plan/run.js';
import { verifySchema } from '../../src/diff/verify.js';
import { applyStatements } from '../../src/pg/apply.js';
import type { Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { openTarget, TARGETS } from '../helpers/databases.js';
import { KEPT_V1, KEPT_V2, ROWS, V1, V2 } from '../helpers/shop.js';

afterAll(closeScratchDatabases);

/** Declaratively (from what the database holds to the document), or as a migration (from one document to the other). */
async function bringTo(db: Database, markdown: string, from?: string): Promise<Plan> {
  const { schema } = await compileDocuments([{ file: 'shop.md', text: markdown }]);
  let plan: Plan;
  if (from) {
    const side = async (text: string) => (await readSide({ kind: 'documents', documents: [{ file: 'shop.md', text }] })).schema;
    plan = planChanges(await side(from), await side(markdown));
  } else {
    const planned = await planToDocuments(schema, new Map([['shop.md', markdown]]), db);
    expect(planned.errors).toEqual([]);
    plan = planned.plan!;
  }
  expect(plan.changes.length).toBeGreaterThan(0);
  const outcome = await runPlan(db, plan);
  expect(outcome.failed?.error.message).toBeUndefined();
  expect(outcome.ok).toBe(true);
  const verified = await verifySchema(schema, new Map([['shop.md', markdown]]), db);
  expect(verified.differences).toEqual([]);
  return plan;
}

/** A database of the target with the document applied and the rows inserted; disposed of if that fails. */
async function applied(target: (typeof TARGETS)[number]['name'], text: string, rows: string) {
  const opened = await openTarget(target);
  try {
    const { schema } = await compileDocuments([{ file: 'shop.md', text }]);
    expect((await applyStatements(opened.db, emitStatements(schema))).ok).toBe(true);
    await opened.db.exec(rows);
    return { ...opened, schema };
  } catch (error) {
    await opened.dispose();
    throw error;
  }
}

for (const target of TARGETS) {
  describe.skipIf(!target.enabled)(`an edited document applied to a database with rows, on ${target.name}`, () => {
    it('keeps every row of every column that stays, going to version 2 (declaratively) and back (the plan from version 2 to 1)', async () => {
      const { db, dispose } = await openTarget(target.name);
      try {
        const { schema } = await compileDocuments([{ file: 'shop.md', text: V1 }]);
        expect((await applyStatements(db, emitStatements(schema))).ok).toBe(true);
        await db.exec(ROWS);
        const rows = await db.query(KEPT_V1);
        expect(rows).toHaveLength(2);

        await bringTo(db, V2);
        expect(await db.query(KEPT_V2)).toEqual(rows);

        // A database says nothing of renames: the way back is planned from the documents, which do.
        await bringTo(db, V1, V2);
        expect(await db.query(KEPT_V1)).toEqual(rows);
      } finally {
        await dispose();
      }
    }, 120_000);

    it('alters a domain whose base type stays where it stands, its columns and rows with it', async () => {
      const one = '```sql\nCREATE DOMAIN quantity AS integer CONSTRAINT positive CHECK (VALUE > 0);\nCREATE TABLE line (id int PRIMARY KEY, n quantity);\n```\n';
      const two = '```sql\nCREATE DOMAIN quantity AS integer DEFAULT 1 NOT NULL CONSTRAINT positive CHECK (VALUE > 0) CONSTRAINT below_max CHECK (VALUE < 1000);\nCREATE TABLE line (id int PRIMARY KEY, n quantity);\n```\n';
      const { db, dispose, schema } = await applied(target.name, one, 'INSERT INTO line VALUES (1, 5), (2, 999)');
      try {
        const { schema: next } = await compileDocuments([{ file: 'shop.md', text: two }]);
        const { plan } = await planToDocuments(next, new Map([['shop.md', two]]), db);
        expect(plan!.changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual(['alter domain quantity']);
        expect(plan!.changes[0]!.statements).toEqual([
          'ALTER DOMAIN public.quantity SET DEFAULT 1;', 'ALTER DOMAIN public.quantity SET NOT NULL;',
          'ALTER DOMAIN public.quantity ADD CONSTRAINT below_max CHECK (VALUE < 1000) NOT VALID;', 'ALTER DOMAIN public.quantity VALIDATE CONSTRAINT below_max;',
        ]);
        expect((await runPlan(db, plan!)).ok).toBe(true);
        expect((await verifySchema(next, new Map([['shop.md', two]]), db)).differences).toEqual([]);
        expect(await db.query('SELECT id, n FROM line ORDER BY id')).toEqual([{ id: 1, n: 5 }, { id: 2, n: 999 }]);
        // And back: the check dropped, NOT NULL and the default too.
        const back = await planToDocuments(schema, new Map([['shop.md', one]]), db);
        expect(back.plan!.changes[0]!.statements).toEqual([
          'ALTER DOMAIN public.quantity DROP DEFAULT;', 'ALTER DOMAIN public.quantity DROP NOT NULL;', 'ALTER DOMAIN public.quantity DROP CONSTRAINT below_max;',
        ]);
        expect((await runPlan(db, back.plan!)).ok).toBe(true);
        expect((await verifySchema(schema, new Map([['shop.md', one]]), db)).differences).toEqual([]);
      } finally {
        await dispose();
      }
    }, 120_000);

    it('changes a domain\'s base type and a composite type that columns and a view use, keeping the rows, and back', async () => {
      const one = '```sql\nCREATE DOMAIN quantity AS integer CHECK (VALUE > 0);\nCREATE TYPE money_amount AS (amount integer, currency text);\n'
        + 'CREATE TABLE line (id int PRIMARY KEY, n quantity DEFAULT 1, price money_amount);\nCREATE VIEW big AS SELECT id, n FROM line WHERE n > 10;\n```\n';
      const two = one.replace('AS integer', 'AS bigint').replace('amount integer', 'amount numeric(12,2)');
      const { db, dispose } = await applied(target.name, one, `INSERT INTO line VALUES (1, 5, ROW(250, 'EUR')), (2, 20, ROW(7, 'USD'))`);
      try {
        const rows = 'SELECT id, n::text AS n, (price).amount::text AS amount, (price).currency AS currency FROM line ORDER BY id';
        const before = await db.query(rows);
        for (const [text, from] of [[two, one], [one, two]] as const) {
          const plan = await bringTo(db, text, from);
          expect(plan.changes.find((c) => c.name === 'quantity')!.hazards.map((h) => h.code)).toEqual(['SD803']);
          expect((await db.query(rows)).map((r) => ({ ...r, amount: String(Number(r.amount)) }))).toEqual(before.map((r) => ({ ...r, amount: String(Number(r.amount)) })));
        }
        expect(await db.query('SELECT id FROM big')).toEqual([{ id: 2 }]);
      } finally {
        await dispose();
      }
    }, 120_000);

    it('remakes a function a column default calls: the default is dropped first and set again after', async () => {
      const one = '```sql\nCREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT \'A\' || floor(random() * 1000)::int $$;\n'
        + 'CREATE TABLE item (id int PRIMARY KEY, code text DEFAULT next_code());\n```\n';
      const two = one.replace('RETURNS text', 'RETURNS varchar');
      const { db, dispose } = await applied(target.name, one, 'INSERT INTO item (id) VALUES (1)');
      try {
        await bringTo(db, two);
        await db.exec('INSERT INTO item (id) VALUES (2)');
        expect((await db.query<{ code: string }>('SELECT code FROM item ORDER BY id')).map((r) => /^A\d+$/.test(r.code))).toEqual([true, true]);
      } finally {
        await dispose();
      }
    }, 120_000);

    it('fails a change that rows break and leaves the database as it was', async () => {
      const { db, dispose } = await openTarget(target.name);
      try {
        const { schema } = await compileDocuments([{ file: 'shop.md', text: V1 }]);
        expect((await applyStatements(db, emitStatements(schema))).ok).toBe(true);
        // A note that is NULL breaks version 2's NOT NULL; a 'void' order, its enum.
        await db.exec(`${ROWS}\nINSERT INTO orders VALUES (12, 1, 5, 'void', NULL);`);
        const { schema: v2 } = await compileDocuments([{ file: 'shop.md', text: V2 }]);
        const { plan } = await planToDocuments(v2, new Map([['shop.md', V2]]), db);
        const outcome = await runPlan(db, plan!);
        expect(outcome.ok).toBe(false);
        expect(outcome.failed!.change.name).toMatch(/^(status|orders\.note)$/);
        const verified = await verifySchema(schema, new Map([['shop.md', V1]]), db);
        expect(verified.differences).toEqual([]);
        expect(await db.query('SELECT count(*)::int AS n FROM orders')).toEqual([{ n: 3 }]);
      } finally {
        await dispose();
      }
    }, 120_000);
  });
}
