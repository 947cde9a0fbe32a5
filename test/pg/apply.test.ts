import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStatements } from '../../src/pg/apply.js';
import type { Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { extensionsFor } from '../../src/pg/supabase.js';
import { compile, readSeed, seedPath, sqlDoc } from '../helpers/documents.js';
import { openTarget, TARGETS } from '../helpers/databases.js';

/**
 * What seed 000 defines, read from its text by the test itself (not by schemadoc), so that the
 * database is checked against the document rather than against schemadoc's own model.
 */
function seed000Expectations() {
  const text = readSeed('000');
  const tables = new Map<string, string>();
  for (const m of text.matchAll(/CREATE TABLE "?(\w+)"? \(([\s\S]*?)\n\);/g)) tables.set(m[1]!, m[2]!);
  const views = [...text.matchAll(/CREATE VIEW (\w+)/g)].map((m) => m[1]!);
  const indexes = [...text.matchAll(/CREATE INDEX (\w+) ON "?(\w+)"?/g)].map((m) => ({ name: m[1]!, table: m[2]! }));
  const perTable = [...tables].map(([table, body]) => ({
    table,
    named: [...body.matchAll(/CONSTRAINT (\w+) (UNIQUE|CHECK)/g)].map((m) => ({ name: m[1]!, type: m[2] === 'UNIQUE' ? 'u' : 'c' })),
    foreignKeys: [...body.matchAll(/^\s*(\w+) UUID.*REFERENCES "?(\w+)"? \(id\) ON DELETE (CASCADE|SET NULL)/gm)]
      .map((m) => ({ column: m[1]!, target: m[2]!, onDelete: m[3] === 'CASCADE' ? 'c' : 'n' })),
    defaults: [...body.matchAll(/^\s*(\w+) [^\n]*DEFAULT ([^,\n]+?),?$/gm)].map((m) => ({ column: m[1]!, expression: m[2]! })),
  }));
  return { tables: [...tables.keys()], views, indexes, perTable };
}

for (const target of TARGETS) {
  describe.skipIf(!target.enabled)(`apply on ${target.name}`, () => {
    describe('seed 000', () => {
      let db: Database;
      let dispose: () => Promise<void>;
      const expected = seed000Expectations();

      beforeAll(async () => {
        const { schema } = await compile(readSeed('000'), seedPath('000'));
        ({ db, dispose } = await openTarget(target.name, extensionsFor(schema)));
        const outcome = await applyStatements(db, emitStatements(schema));
        expect(outcome.diagnostics).toEqual([]);
        expect(outcome.ok).toBe(true);
      });
      afterAll(() => dispose?.());

      it('creates all 21 tables and 3 views', async () => {
        expect(expected.tables).toHaveLength(21);
        expect(expected.views).toHaveLength(3);
        const relations = await db.query<{ relname: string; relkind: string }>(
          `SELECT c.relname, c.relkind::text AS relkind FROM pg_catalog.pg_class c
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v')`);
        expect(relations.filter((r) => r.relkind === 'r').map((r) => r.relname).sort()).toEqual([...expected.tables].sort());
        expect(relations.filter((r) => r.relkind === 'v').map((r) => r.relname).sort()).toEqual([...expected.views].sort());
      });

      it('creates every named index on its table', async () => {
        const indexes = await db.query<{ name: string; table: string }>(
          `SELECT i.relname AS name, t.relname AS table FROM pg_catalog.pg_index x
           JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_class t ON t.oid = x.indrelid`);
        for (const index of expected.indexes) expect(indexes).toContainEqual(index);
      });

      it('creates, table by table, every named unique and check constraint, every foreign key with its ON DELETE, every default', async () => {
        const constraints = await db.query<{ table: string; name: string; type: string; column: string | null; target: string | null; ondelete: string }>(
          `SELECT t.relname AS table, c.conname AS name, c.contype::text AS type,
                  (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) AS column,
                  f.relname AS target, c.confdeltype::text AS ondelete
           FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
           LEFT JOIN pg_catalog.pg_class f ON f.oid = c.confrelid`);
        const defaults = await db.query<{ table: string; column: string; expression: string }>(
          `SELECT t.relname AS table, a.attname AS column, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS expression
           FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_class t ON t.oid = d.adrelid
           JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum`);
        let checked = 0;
        for (const { table, named, foreignKeys, defaults: documented } of expected.perTable) {
          for (const c of named) {
            expect(constraints, `${table}: ${c.name}`).toContainEqual(expect.objectContaining({ table, name: c.name, type: c.type }));
            checked++;
          }
          for (const fk of foreignKeys) {
            expect(constraints, `${table}.${fk.column} → ${fk.target}`).toContainEqual(
              expect.objectContaining({ table, type: 'f', column: fk.column, target: fk.target, ondelete: fk.onDelete }));
            checked++;
          }
          for (const d of documented) {
            const actual = defaults.find((x) => x.table === table && x.column === d.column);
            checked++;
            // DEFAULT NULL is no default at all in the catalog.
            if (d.expression === 'NULL') {
              expect(actual).toBeUndefined();
              continue;
            }
            expect(actual, `${table}.${d.column} DEFAULT ${d.expression}`).toBeDefined();
            expect(normalizeDefault(actual!.expression)).toBe(normalizeDefault(d.expression));
          }
        }
        // 21 named constraints, 30 foreign keys, 87 defaults in the document.
        expect(checked).toBe(138);
      });
    });

    it('leaves the database exactly as it was when a statement fails half-way', async () => {
      const { db, dispose } = await openTarget(target.name);
      try {
        await db.exec('CREATE TABLE existing (id int PRIMARY KEY)');
        const snapshot = () => db.query(`SELECT c.relname, c.relkind::text FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1`);
        const before = await snapshot();
        const doc = sqlDoc(`CREATE TABLE first_one (id int PRIMARY KEY);
CREATE INDEX first_one_idx ON first_one (id);
CREATE TABLE broken (id int, amount money_amount);
CREATE TABLE last_one (id int);`);
        const { schema } = await compile(doc);
        const outcome = await applyStatements(db, emitStatements(schema));
        expect(outcome.ok).toBe(false);
        expect(outcome.diagnostics).toEqual([expect.objectContaining({
          code: 'SD300', severity: 'error', span: expect.objectContaining({ line: 6 }),
          message: expect.stringMatching(/cannot create table broken: type "money_amount" does not exist/),
        })]);
        expect(await snapshot()).toEqual(before);
      } finally {
        await dispose();
      }
    });

    it('with force, creates what it can and lists what it skipped', async () => {
      const { db, dispose } = await openTarget(target.name);
      try {
        const { schema } = await compile(sqlDoc(`CREATE TABLE good (id int PRIMARY KEY);
CREATE TABLE bad (id int, amount money_amount);
CREATE INDEX bad_idx ON bad (id);`));
        const outcome = await applyStatements(db, emitStatements(schema), { force: true });
        expect(outcome.ok).toBe(true);
        expect(outcome.skipped.map((s) => s.name)).toEqual(['bad', 'bad_idx']);
        expect(outcome.diagnostics.map((d) => [d.severity, d.span?.line])).toEqual([['warning', 5], ['warning', 6]]);
        const tables = await db.query<{ relname: string }>(`SELECT relname FROM pg_catalog.pg_class WHERE relname IN ('good', 'bad')`);
        expect(tables.map((t) => t.relname)).toEqual(['good']);
      } finally {
        await dispose();
      }
    });
  });
}

/** PostgreSQL adds the column's type to literals (`'public'::text`) and prints keywords in lower case. */
function normalizeDefault(expression: string): string {
  return expression.toLowerCase().replace(/\s+/g, '').replace(/::[a-z ]+$/, '');
}
