// `schemadoc verify`: a database that has drifted from its document by one change is reported
// that one change, at the document line of the object, with exit 1; right after apply, exit 0.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRIFT_CODES } from '../../src/diff/drift.js';
import { openDatabase } from '../../src/pg/database.js';
import { documentIn, expectNoStackTrace, runner, workDirectory } from '../helpers/cli.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { REPO_DIR, seedPath } from '../helpers/documents.js';
import { psqlFile } from '../helpers/realsql.js';

const work = workDirectory();
const schemadoc = runner(work);

interface Found { code: string; message: string; file: string; line: number }

/** The line of the document where `pattern` first matches. */
function lineOf(path: string, pattern: RegExp): number {
  return readFileSync(path, 'utf8').split('\n').findIndex((l) => pattern.test(l)) + 1;
}

/** Applies the seed to a new server database, changes it with `drift`, and verifies it. */
async function verifyAfter(seed: string, drift: string): Promise<{ code: number; found: Found[] }> {
  const server = await freshServerDatabase();
  try {
    const applied = await schemadoc(['apply', seedPath(seed), '--db', server.url]);
    expect(applied.code, applied.stderr).toBe(0);
    if (drift) {
      const db = await openDatabase({ url: server.url });
      await db.exec(drift).finally(() => db.close());
    }
    const run = await schemadoc(['verify', seedPath(seed), '--db', server.url, '--format', 'json']);
    expectNoStackTrace(run);
    return { code: run.code, found: JSON.parse(run.stdout).diagnostics };
  } finally {
    await server.dispose();
  }
}

describe.skipIf(!SERVER_URL)('verify on a PostgreSQL server', () => {
  const seed000 = seedPath('000');

  it('finds nothing right after apply, and says so', async () => {
    const server = await freshServerDatabase();
    try {
      expect((await schemadoc(['apply', seed000, '--db', server.url])).code).toBe(0);
      const run = await schemadoc(['verify', seed000, '--db', server.url]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/matches .*000_.*: 21 tables/);
    } finally {
      await server.dispose();
    }
  });

  it.each([
    ['a dropped column', 'ALTER TABLE user_profile DROP COLUMN social_links', 'SD701', /column user_profile\.social_links is not in the database/, /^\s+social_links JSONB/],
    ['a changed default', "ALTER TABLE market ALTER COLUMN scraping_interval SET DEFAULT 60", 'SD703',
      /column market\.scraping_interval: the default differs; the document has `3600`, the database `60`/, /^\s+scraping_interval INTEGER/],
    ['an added index', 'CREATE INDEX market_status_extra ON market (status)', 'SD702',
      /the database has index market_status_extra, which the document does not describe: CREATE INDEX market_status_extra ON public\.market USING btree \(status\)/, /^CREATE TABLE market \(/],
    ['a changed view', "CREATE OR REPLACE VIEW active_deals AS SELECT d.* FROM deal d WHERE d.status = 'active'", 'SD703',
      /view active_deals: the query differs; the document has `.*expires_at IS NULL.*`, the database `.*status = 'active'::text`/, /^CREATE VIEW active_deals AS/],
  ])('reports %s, and only that, at the line of the object', async (_, drift, code, message, line) => {
    const { code: exit, found } = await verifyAfter('000', drift);
    expect(exit).toBe(1);
    expect(found.map((f) => f.code)).toEqual([code]);
    expect(found[0]!.message).toMatch(message);
    expect(found[0]!.line).toBe(lineOf(seed000, line));
  }, 60_000);

  it("reports an enum's values in another order", async () => {
    const { code, found } = await verifyAfter('001', `DROP TYPE user_status; CREATE TYPE user_status AS ENUM ('inactive', 'active', 'suspended', 'deleted');`);
    expect(code).toBe(1);
    expect(found.map((f) => f.message)).toEqual([
      "type user_status: the values differ; the document has `'active', 'inactive', 'suspended', 'deleted'`, the database `'inactive', 'active', 'suspended', 'deleted'`",
    ]);
    expect(found[0]!.line).toBe(lineOf(seedPath('001'), /CREATE TYPE user_status AS ENUM/));
  }, 60_000);

  it('reports a dropped policy and row level security turned off (seed 002)', async () => {
    const seed = seedPath('002');
    const dropped = await verifyAfter('002', 'DROP POLICY "Users can view own profile" ON users');
    expect(dropped.code).toBe(1);
    expect(dropped.found.map((f) => [f.code, f.message])).toEqual([['SD701', 'policy Users can view own profile on users is not in the database']]);
    expect(dropped.found[0]!.line).toBe(lineOf(seed, /^POLICY "Users can view own profile"/));
    const disabled = await verifyAfter('002', 'ALTER TABLE users DISABLE ROW LEVEL SECURITY');
    expect(disabled.found.map((f) => f.message)).toEqual(['table users: the row level security differs; the document has `on`, the database `off`']);
  }, 60_000);

  it('leaves out what --ignore names', async () => {
    const server = await freshServerDatabase();
    try {
      expect((await schemadoc(['apply', seed000, '--db', server.url])).code).toBe(0);
      const db = await openDatabase({ url: server.url });
      await db.exec('CREATE TABLE schema_migrations (version text PRIMARY KEY)').finally(() => db.close());
      expect((await schemadoc(['verify', seed000, '--db', server.url])).code).toBe(1);
      expect((await schemadoc(['verify', seed000, '--db', server.url, '--ignore', 'schema_migrations'])).code).toBe(0);
    } finally {
      await server.dispose();
    }
  }, 60_000);
});

describe.skipIf(!SERVER_URL)('verify of a document that needs an extension the embedded database lacks', () => {
  it('says to name a scratch database on a server, and verifies with one', async () => {
    const osm = join(REPO_DIR, 'test/fixtures/realsql/osm.sql');
    const [target, scratch] = [await freshServerDatabase(), await freshServerDatabase()];
    try {
      psqlFile(target.url, osm);
      const embedded = await schemadoc(['verify', osm, '--db', target.url]);
      expect(embedded.code).toBe(1);
      expect(embedded.stderr).toMatch(/does not ship; name an empty database on a server that has it with --scratch-db URL/);
      const run = await schemadoc(['verify', osm, '--db', target.url, '--scratch-db', scratch.url]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
    } finally {
      await Promise.all([target.dispose(), scratch.dispose()]);
    }
  }, 120_000);
});

describe('verify on the embedded database', () => {
  it('finds nothing right after apply', async () => {
    const doc = documentIn(work, 'shop.md', '# Shop\n\n```sql\nCREATE TABLE item (id int4 PRIMARY KEY, name varchar NOT NULL, added timestamptz DEFAULT CURRENT_TIMESTAMP);\n```\n');
    const dataDir = join(work, 'shop-db');
    expect((await schemadoc(['apply', doc, '--data-dir', dataDir])).code).toBe(0);
    const run = await schemadoc(['verify', doc, '--data-dir', dataDir]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // A column table that spells the same schema otherwise is the same schema.
    const table = documentIn(work, 'shop-table.md', '# Shop\n\n## item\n\n| Column | Type | Constraints |\n|---|---|---|\n| id | integer | PRIMARY KEY |\n| name | character varying | NOT NULL |\n| added | timestamp with time zone | DEFAULT now() |\n');
    const other = await schemadoc(['verify', table, '--data-dir', dataDir]);
    expect(other.code, other.stdout + other.stderr).toBe(0);
  }, 60_000);

  it('says which database to name, and refuses a directory that is not one', async () => {
    const doc = documentIn(work, 'empty.md', '# E\n\n```sql\nCREATE TABLE t (id int);\n```\n');
    const none = await schemadoc(['verify', doc]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/name the database to verify: --db/);
    const notOne = await schemadoc(['verify', doc, '--data-dir', work]);
    expect(notOne.code).toBe(2);
    expect(notOne.stderr).toMatch(/is not an embedded database/);
    expectNoStackTrace(notOne);
  });
});

describe('the codes of verify', () => {
  it.each(Object.values(DRIFT_CODES))('$code has a page that matches it', ({ code, name, summary }) => {
    const page = readFileSync(`${REPO_DIR}docs/rules/${code}.md`, 'utf8');
    expect(page.split('\n')[0]).toBe(`# ${code} ${name}`);
    expect(page.split('\n')[2]).toBe(`${summary}.`);
  });
});
