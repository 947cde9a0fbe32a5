// The generated Zod schemas hold what PostgreSQL holds: for CHECK IN lists, ranges, lengths,
// patterns, numeric precision and NOT NULL, a value the schema accepts is one the database
// accepts, and one it rejects the database rejects. The database is the referee: each value
// is inserted into a real embedded database.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { generateCode } from '../../src/generate/typescript/generate.js';
import { DEFAULT_CODE_OPTIONS } from '../../src/generate/typescript/options.js';
import { applyStatements } from '../../src/pg/apply.js';
import { openDatabase, type Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { extensionsFor, withSupabaseStandIn } from '../../src/pg/supabase.js';
import { usesSupabase } from '../../src/schema/supabase.js';
import { REPO_DIR, seedPath, sqlDoc } from '../helpers/documents.js';
import { kyselyOn } from '../helpers/kysely-pglite.js';

afterAll(closeScratchDatabases);

/** The document's database and its generated Zod module. */
async function prepare(name: string, file: string, text: string): Promise<{ db: Database; zod: Record<string, ZodType>; code: string; dispose: () => Promise<void> }> {
  const { schema } = await compileDocuments([{ file, text }]);
  const canonical = await canonicalSchema(schema, new Map([[file, text]]));
  expect(canonical.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const dir = join(REPO_DIR, 'test', '.generated', `zod-${name}`);
  mkdirSync(dir, { recursive: true });
  const code = generateCode('zod', canonical.schema, DEFAULT_CODE_OPTIONS);
  writeFileSync(join(dir, 'zod.ts'), code);
  const zod = await import(join(dir, 'zod.ts'));
  const db = await openDatabase({ dataDir: 'memory://', extensions: extensionsFor(schema) });
  let statements = emitStatements(schema);
  if (usesSupabase(schema)) statements = withSupabaseStandIn(statements);
  expect((await applyStatements(db, statements)).diagnostics).toEqual([]);
  return { db, zod, code, dispose: async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  } };
}

/** Whether the database accepts the row (inserted and rolled back). */
async function databaseAccepts(db: Database, table: string, row: Record<string, unknown>): Promise<boolean> {
  await db.exec('BEGIN');
  try {
    await kyselyOn<Record<string, Record<string, unknown>>>(db).insertInto(table).values(row).execute();
    return true;
  } catch {
    return false;
  } finally {
    await db.exec('ROLLBACK');
  }
}

type Case = [column: string, value: unknown];

async function agree(db: Database, schema: ZodType, table: string, base: Record<string, unknown>, cases: Case[]) {
  const verdicts = [];
  for (const [column, value] of cases) {
    const row = { ...base, [column]: value };
    verdicts.push({ column, value, zod: schema.safeParse(row).success, database: await databaseAccepts(db, table, row) });
  }
  // Each value is accepted by both or by neither; and the cases hold both kinds.
  expect(verdicts.filter((v) => v.zod !== v.database)).toEqual([]);
  expect(new Set(verdicts.map((v) => v.database))).toEqual(new Set([true, false]));
  return verdicts;
}

describe('Zod schemas accept what PostgreSQL accepts', () => {
  it("seed 002: subscriptions.tier and status (CHECK IN), api_usage.status_code (a range), NOT NULL", async () => {
    const path = seedPath('002');
    const { db, zod, dispose } = await prepare('002', path, readFileSync(path, 'utf8'));
    try {
      const user = '00000000-0000-4000-8000-000000000001';
      await db.exec(`INSERT INTO auth.users (id) VALUES ('${user}'); INSERT INTO public.users (id, email) VALUES ('${user}', 'a@example.com')`);
      const subscription = { id: '00000000-0000-4000-8000-000000000002', user_id: user, tier: 'pro', status: 'active' };
      await agree(db, zod.SubscriptionsInsertSchema!, 'subscriptions', subscription, [
        ['tier', 'basic'], ['tier', 'pro'], ['tier', 'inactive'], ['tier', 'gold'], ['tier', 'Pro'], ['tier', ''], ['tier', null],
        ['status', 'trialing'], ['status', 'past_due'], ['status', 'paused'], ['status', null], ['user_id', null],
      ]);
      const usage = { id: '00000000-0000-4000-8000-000000000003', user_id: user, endpoint: '/x', method: 'GET', status_code: 200, response_time_ms: 5 };
      await agree(db, zod.ApiUsageInsertSchema!, 'api_usage', usage, [
        ['status_code', 99], ['status_code', 100], ['status_code', 404], ['status_code', 599], ['status_code', 600], ['status_code', -1], ['status_code', null],
        ['quota_consumed', 0], ['quota_consumed', 1], ['quota_consumed', 2147483648],
      ]);
    } finally {
      await dispose();
    }
  });

  it('lengths, patterns, numeric precision, integer bounds and domains', async () => {
    const text = sqlDoc(`CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE item (
  id serial PRIMARY KEY,
  code varchar(5) NOT NULL,
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 10),
  sku text CHECK (sku ~ '^[A-Z]{3}-[0-9]+$'),
  price numeric(5, 2) NOT NULL,
  small smallint,
  quantity positive,
  note text CHECK (note IS NOT NULL),
  flags text[] CHECK (cardinality(flags) < 3)
);`);
    const { db, zod, code, dispose } = await prepare('lengths', 'item.md', text);
    try {
      // What a validator cannot hold is named, and left to the database.
      expect(code).toContain('  // Checked by PostgreSQL only: CHECK "item_flags_check" (cardinality(flags) < 3).');
      await agree(db, zod.ItemInsertSchema!, 'item', { code: 'A1', name: 'pen', price: 1, note: 'n' }, [
        ['note', 'x'], ['note', null], ['note', undefined], ['flags', ['a']],
        ['code', 'ABCDE'], ['code', 'ABCDEF'], ['code', 'ÄÖÜéè'], ['code', '😀😀😀😀😀'], ['code', null],
        ['name', 'x'], ['name', '   x   '], ['name', '          '], ['name', 'abcdefghij'], ['name', 'abcdefghijk'],
        ['sku', 'ABC-1'], ['sku', 'abc-1'], ['sku', 'ABC-'], ['sku', null],
        ['price', 999.99], ['price', 999.994], ['price', 999.995], ['price', 1000], ['price', '12.5'], ['price', -999.99],
        ['small', 32767], ['small', 32768], ['small', -32768], ['small', 1.5],
        ['quantity', 1], ['quantity', 0], ['quantity', null],
      ]);
    } finally {
      await dispose();
    }
  });
});
