import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { applyStatements } from '../../src/pg/apply.js';
import type { Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { extensionsFor, hasSupabase, withSupabaseStandIn } from '../../src/pg/supabase.js';
import { compile, readSeed, seedPath, sqlDoc } from '../helpers/documents.js';
import { openTarget, TARGETS } from '../helpers/databases.js';

const ALICE = '00000000-0000-0000-0000-00000000000a';
const BOB = '00000000-0000-0000-0000-00000000000b';

for (const target of TARGETS) {
  describe.skipIf(!target.enabled)(`seed 002 with the Supabase stand-in on ${target.name}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      const { schema, diagnostics } = await compile(readSeed('002'), seedPath('002'));
      ({ db, dispose } = await openTarget(target.name, extensionsFor(schema)));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(await hasSupabase(db)).toBe(false);
      const outcome = await applyStatements(db, withSupabaseStandIn(emitStatements(schema)));
      expect(outcome.diagnostics).toEqual([]);
      expect(outcome.created).toMatchObject({ table: 8, policy: 9 });
      await db.exec(`
        INSERT INTO auth.users (id, email) VALUES ('${ALICE}', 'alice@example.com'), ('${BOB}', 'bob@example.com');
        INSERT INTO users (id, email) VALUES ('${ALICE}', 'alice@example.com'), ('${BOB}', 'bob@example.com');
        INSERT INTO twitter_accounts (id, user_id, twitter_user_id, twitter_username, access_token_encrypted, refresh_token_encrypted, token_expires_at)
        VALUES ('10000000-0000-0000-0000-00000000000a', '${ALICE}', 'ta', 'alice', '\\x00', '\\x00', now()),
               ('10000000-0000-0000-0000-00000000000b', '${BOB}', 'tb', 'bob', '\\x00', '\\x00', now());`);
    });
    afterAll(() => dispose?.());

    it('creates the tables, indexes, checks, RLS and one policy per documented policy that can be created', async () => {
      const tables = await db.query<{ relname: string; relrowsecurity: boolean }>(
        `SELECT relname, relrowsecurity FROM pg_catalog.pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`);
      expect(tables.map((t) => t.relname)).toEqual(['analysis_results', 'analysis_results_archive', 'api_usage', 'audit_log', 'subscriptions', 'twitter_accounts', 'users', 'webhook_events']);
      expect(tables.filter((t) => t.relname !== 'analysis_results_archive').every((t) => t.relrowsecurity)).toBe(true);
      const indexes = await db.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_catalog.pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'idx_%'`);
      const def = (name: string) => indexes.find((i) => i.indexname === name)?.indexdef;
      expect(indexes.filter((i) => !i.indexname.includes('archive'))).toHaveLength(29);
      expect(def('idx_twitter_accounts_is_active')).toMatch(/\(is_active\) WHERE \(is_active = true\)$/);
      expect(def('idx_api_usage_user_date')).toMatch(/\(user_id, created_at DESC\)$/);
      expect(def('idx_subscriptions_tier_status')).toMatch(/\(tier, status\)$/);
      const checks = await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_catalog.pg_constraint WHERE contype = 'c' AND conrelid = 'subscriptions'::regclass`);
      expect(checks.map((c) => c.def).join(' ')).toMatch(/'basic'::text, 'pro'::text, 'inactive'::text/);
      const policies = await db.query<{ tablename: string; policyname: string }>(`SELECT tablename, policyname FROM pg_catalog.pg_policies WHERE schemaname = 'public'`);
      expect(policies).toHaveLength(9);
      expect(policies).toContainEqual({ tablename: 'twitter_accounts', policyname: 'Users can delete own Twitter accounts' });
      // A database that has auth.uid() is never given the stand-in again.
      expect(await hasSupabase(db)).toBe(true);
    });

    async function as<T>(user: string, work: () => Promise<T>): Promise<T> {
      await db.exec('BEGIN');
      try {
        await db.exec('SET LOCAL ROLE authenticated');
        await db.query(`SELECT set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: user, role: 'authenticated' })]);
        return await work();
      } finally {
        await db.exec('ROLLBACK');
      }
    }

    it("does not let one user read, update or delete another user's twitter account", async () => {
      await as(ALICE, async () => {
        expect((await db.query<{ twitter_username: string }>('SELECT twitter_username FROM twitter_accounts')).map((r) => r.twitter_username)).toEqual(['alice']);
        const updated = await db.query(`UPDATE twitter_accounts SET twitter_username = 'stolen' WHERE user_id = '${BOB}' RETURNING id`);
        expect(updated).toEqual([]);
        const deleted = await db.query(`DELETE FROM twitter_accounts WHERE user_id = '${BOB}' RETURNING id`);
        expect(deleted).toEqual([]);
      });
      await as(BOB, async () => {
        expect((await db.query<{ twitter_username: string }>('SELECT twitter_username FROM twitter_accounts')).map((r) => r.twitter_username)).toEqual(['bob']);
      });
    });

    it('does not let a user insert into subscriptions', async () => {
      await expect(as(ALICE, () => db.query(
        `INSERT INTO subscriptions (id, user_id, tier, status) VALUES (gen_random_uuid(), '${ALICE}', 'pro', 'active')`,
      ))).rejects.toThrow(/row-level security/);
    });
  });
}

describe('the Supabase stand-in, as Supabase has it', () => {
  it('has storage.objects with owner_id, and the extensions schema on the search_path', async () => {
    const doc = sqlDoc(`CREATE TABLE note (id uuid PRIMARY KEY DEFAULT extensions.uuid_generate_v4(), owner uuid REFERENCES auth.users (id), salt bytea DEFAULT gen_random_bytes(8), body text);
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON note USING (owner = auth.uid());
CREATE POLICY own_files ON storage.objects USING (owner_id = auth.uid()::text AND bucket_id = 'notes');
SELECT raw_user_meta_data ->> 'name' FROM auth.users;`);
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text: doc }]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('Supabase detection', () => {
  it('recognises a document written for Supabase and knows auth.users', async () => {
    const { diagnostics } = await compile(sqlDoc('CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));'));
    expect(diagnostics).toEqual([]);
  });
});
