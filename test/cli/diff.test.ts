// schemadoc diff, run as a user runs it: the plan between two documents, a git revision and a
// document, a document and nothing; its formats; and what it says when it cannot plan.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { verifySchema } from '../../src/diff/verify.js';
import { openDatabase } from '../../src/pg/database.js';
import { documentIn, expectNoStackTrace, runner, workDirectory } from '../helpers/cli.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { readSeed, seedPath } from '../helpers/documents.js';
import { V1, V2 } from '../helpers/shop.js';

const work = workDirectory();
const schemadoc = runner(work);
const v1 = documentIn(work, 'v1.md', V1);
const v2 = documentIn(work, 'v2.md', V2);

afterAll(closeScratchDatabases);

describe('schemadoc diff', () => {
  it('lists the changes from one document to the next with their hazards, and prints the SQL up and down', async () => {
    const pretty = await schemadoc(['diff', v1, v2]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(/^From .*v1\.md to .*v2\.md:\n  > rename table client\n  > rename column client\.display_name/);
    expect(pretty.stdout).toContain('  ~ alter enum status\n      ! SD804 removes-enum-value: removes \'void\' from enum status');
    expect(pretty.stdout).toMatch(/\n\n14 changes, 6 hazards\. The SQL: --format sql \(up\), --format sql --down \(down\)\.\n$/);
    const up = await schemadoc(['diff', v1, v2, '--format', 'sql']);
    expect(up.stdout).toMatch(/^SET search_path = pg_catalog, public;\nSET check_function_bodies = false;\n\n-- rename table client\nALTER TABLE public\.customer RENAME TO client;/);
    const down = await schemadoc(['diff', v1, v2, '--format', 'sql', '--down']);
    expect(down.stdout).toContain('ALTER TABLE public.client RENAME TO customer;');
    const json = JSON.parse((await schemadoc(['diff', v1, v2, '--format', 'json'])).stdout);
    expect(json.up.changes).toHaveLength(14);
    expect(json.down.sql).toContain('RENAME TO customer');
    expect(json.up.changes[0]).toMatchObject({ action: 'rename', kind: 'table', name: 'client', statements: ['ALTER TABLE public.customer RENAME TO client;'] });
  }, 60_000);

  it('finds no changes between a document and itself', async () => {
    const same = await schemadoc(['diff', v1, v1]);
    expect(same.stdout).toMatch(/^No changes: .*v1\.md is what .*v1\.md holds\.\n$/);
    expect(same.code).toBe(0);
  }, 60_000);

  it('plans from empty what apply creates (seed 000)', async () => {
    const path = seedPath('000');
    const up = await schemadoc(['diff', 'empty', path, '--format', 'sql']);
    expect(up.code).toBe(0);
    const db = await openDatabase({ dataDir: 'memory://', extensions: ['pgcrypto', 'uuid-ossp'] });
    try {
      await db.exec(up.stdout);
      const text = readSeed('000');
      const { schema } = await compileDocuments([{ file: path, text }]);
      const verified = await verifySchema(schema, new Map([[path, text]]), db);
      expect(verified.documentErrors).toEqual([]);
      expect(verified.differences).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('reads a side from a database: an embedded directory or a server', async () => {
    const dir = join(work, 'shop-db');
    expect((await schemadoc(['apply', v1, '--data-dir', dir])).code).toBe(0);
    const same = await schemadoc(['diff', dir, v1]);
    expect(same.stdout).toMatch(/^No changes: .*v1\.md is what the embedded database in .*shop-db holds\.\n$/);
    const planned = await schemadoc(['diff', dir, v2]);
    expect(planned.stdout).toMatch(/^From the embedded database in .*shop-db to .*v2\.md:\n/);
    // A database says nothing of renames: the document's own directive does.
    expect(planned.stdout).toContain('  > rename table client');
    const back = await schemadoc(['diff', v2, dir, '--format', 'sql']);
    expect(back.stdout).toContain('ALTER TABLE public.client RENAME TO customer;');
    if (!SERVER_URL) return;
    const server = await freshServerDatabase();
    try {
      expect((await schemadoc(['apply', v1, '--db', server.url])).code).toBe(0);
      const onServer = await schemadoc(['diff', server.url, v1]);
      expect(onServer.stdout).toMatch(/^No changes: /);
      expect(onServer.code).toBe(0);
    } finally {
      await server.dispose();
    }
  }, 120_000);

  it('reads a side from a git revision', async () => {
    const repo = join(work, 'repo');
    mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo });
    git('init', '-q');
    writeFileSync(join(repo, 'shop.md'), V1);
    git('add', 'shop.md');
    git('commit', '-qm', 'v1');
    writeFileSync(join(repo, 'shop.md'), V2);
    const inRepo = runner(repo);
    const planned = await inRepo(['diff', 'git:HEAD:shop.md', 'shop.md']);
    expect(planned.stdout).toMatch(/^From HEAD:shop\.md to shop\.md:\n  > rename table client/);
    const missing = await inRepo(['diff', 'git:HEAD~5:shop.md', 'shop.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^schemadoc: cannot read shop\.md at HEAD~5 from git: /);
  }, 60_000);

  it('says a drop and an add look like a rename, and how to declare one', async () => {
    const a = documentIn(work, 'a.md', '```sql\nCREATE TABLE person (id int PRIMARY KEY, name text);\n```\n');
    const b = documentIn(work, 'b.md', '```sql\nCREATE TABLE member (id int PRIMARY KEY, name text);\n```\n');
    const run = await schemadoc(['diff', a, b]);
    expect(run.stdout).toContain('note: table person is dropped and member made with the same columns: if it is person renamed, say so with <!-- schemadoc: renamed from person --> on its heading or CREATE TABLE line (or --rename person=member), and its rows are kept');
    const renamed = await schemadoc(['diff', a, b, '--rename', 'person=member']);
    expect(renamed.stdout).toMatch(/^From .*\n  > rename table member\n  > rename constraint member\.member_pkey\n\n2 changes\./);
  }, 60_000);

  it('converts values as the document says where a type changes', async () => {
    const a = documentIn(work, 'price1.md', '```sql\nCREATE TABLE item (id int PRIMARY KEY, price integer);\n```\n');
    const b = documentIn(work, 'price2.md', '```sql\nCREATE TABLE item (\n  id int PRIMARY KEY,\n  price numeric(10, 2) -- schemadoc: using price / 100.0\n);\n```\n');
    const up = await schemadoc(['diff', a, b, '--format', 'sql']);
    expect(up.stdout).toContain('ALTER TABLE public.item ALTER COLUMN price TYPE numeric(10,2) USING price / 100.0;');
    const down = await schemadoc(['diff', a, b, '--format', 'sql', '--down']);
    expect(down.stdout).toContain('ALTER TABLE public.item ALTER COLUMN price TYPE integer USING price::integer;');
  }, 60_000);

  it('proves a plan on an embedded copy with generated rows, and finds values a change would cut', async () => {
    const proved = await schemadoc(['diff', v1, v2, '--prove']);
    expect(proved.stdout).toMatch(/\nProved on an embedded copy of .*v1\.md with 6 generated rows: the plan gives .*v2\.md, and every row of every column that stays is kept\.\n$/);
    expect(proved.code).toBe(0);
    const a = documentIn(work, 'note1.md', '```sql\nCREATE TABLE memo (id int PRIMARY KEY, note varchar(100) NOT NULL);\n```\n');
    const b = documentIn(work, 'note2.md', '```sql\nCREATE TABLE memo (id int PRIMARY KEY, note varchar(3) NOT NULL);\n```\n');
    const cut = await schemadoc(['diff', a, b, '--prove']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/^Not proved: on an embedded copy of .*note1\.md with 3 generated rows, the plan does not give .*note2\.md: rows of public\.memo changed: 3 rows before, 3 after; first that differs: \[1,"note 1"\] became \[1,"not"\]\.\n$/);
  }, 120_000);

  it('answers a side it cannot read, and SQL PostgreSQL refuses, with one sentence', async () => {
    const none = await schemadoc(['diff', 'nowhere.md', v1]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('schemadoc: cannot read nowhere.md: no such file\n');
    const one = await schemadoc(['diff', v1]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^schemadoc: name two sides/);
    const down = await schemadoc(['diff', v1, v2, '--down']);
    expect(down.code).toBe(2);
    const broken = documentIn(work, 'broken.md', '```sql\nCREATE TABLE t (id int REFERENCES nowhere (id));\n```\n');
    const refused = await schemadoc(['diff', v1, broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Not planned: PostgreSQL refuses 1 statement of .*broken\.md/);
    for (const run of [none, one, down, refused]) expectNoStackTrace(run);
  }, 60_000);
});
