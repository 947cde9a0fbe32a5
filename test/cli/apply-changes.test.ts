// apply on a database that has the schema, as a user runs it on a server: indexes built
// CONCURRENTLY after the transaction, and a change that waits too long for a lock fails,
// rolls back and says why.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { documentIn, expectNoStackTrace, runner, workDirectory } from '../helpers/cli.js';

const work = workDirectory();
const schemadoc = runner(work);
const before = documentIn(work, 'v1.md', '```sql\nCREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);\n```\n');
const after = documentIn(work, 'v2.md', '```sql\nCREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL, note text);\nCREATE INDEX orders_status_idx ON orders (status);\n```\n');

describe.skipIf(!SERVER_URL)('apply of a changed document on a server', () => {
  it('builds a new index CONCURRENTLY after the transaction with --concurrently', async () => {
    const server = await freshServerDatabase();
    try {
      expect((await schemadoc(['apply', before, '--db', server.url])).code).toBe(0);
      const dry = await schemadoc(['apply', after, '--db', server.url, '--concurrently', '--dry-run']);
      expect(dry.stdout).toContain('+ create index orders_status_idx');
      expect(dry.stdout).not.toContain('SD806');
      const run = await schemadoc(['apply', after, '--db', server.url, '--concurrently']);
      expect(run.stdout).toMatch(/Applied 2 changes to /);
      expect(run.code).toBe(0);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_status_idx'::regclass");
      await client.end();
      expect(rows).toEqual([{ indisvalid: true }]);
    } finally {
      await server.dispose();
    }
  }, 60_000);

  it('fails a change that waits longer than --lock-timeout for its lock, and changes nothing', async () => {
    const server = await freshServerDatabase();
    const holder = new pg.Client({ connectionString: server.url });
    try {
      expect((await schemadoc(['apply', before, '--db', server.url])).code).toBe(0);
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE orders IN ACCESS SHARE MODE');
      const run = await schemadoc(['apply', after, '--db', server.url, '--lock-timeout', '300ms', '--allow-hazards', 'SD806']);
      expect(run.code).toBe(1);
      expectNoStackTrace(run);
      expect(run.stderr).toMatch(/error SD304 PostgreSQL refused to create column orders\.note: canceling statement due to lock timeout\. The lock was not granted in time/);
      expect(run.stderr).toMatch(/Nothing was applied: .* is unchanged\./);
      await holder.query('ROLLBACK');
      const verified = await schemadoc(['verify', before, '--db', server.url]);
      expect(verified.code).toBe(0);
    } finally {
      await holder.end().catch(() => {});
      await server.dispose();
    }
  }, 60_000);
});
