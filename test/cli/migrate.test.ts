// schemadoc migrate, run as a user runs it: migration files from two versions of a document,
// up and down on a database with rows (embedded and server), a migration that fails half-way,
// two runners at once, a file changed after it was applied.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { documentIn, expectNoStackTrace, runner, workDirectory, type Run } from '../helpers/cli.js';
import { KEPT_V1, KEPT_V2, ROWS, V1, V2 } from '../helpers/shop.js';

const work = workDirectory();
const schemadoc = runner(work);

/** A database for one test, as the command line names it, and a way to query it. */
type Target = { args: string[]; query: (sql: string) => Promise<Record<string, unknown>[]>; dispose: () => Promise<void> };

async function serverTarget(): Promise<Target> {
  const server = await freshServerDatabase();
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const results = await client.query(sql);
      return (Array.isArray(results) ? results.at(-1)! : results).rows;
    } finally {
      await client.end();
    }
  };
  return { args: ['--db', server.url], query, dispose: server.dispose };
}

let embeddedCount = 0;
async function embeddedTarget(): Promise<Target> {
  const dir = join(work, `db-${++embeddedCount}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const query = async (sql: string) => {
    const db = new PGlite(dir);
    try {
      const results = await db.exec(sql);
      return results.at(-1)!.rows as Record<string, unknown>[];
    } finally {
      await db.close();
    }
  };
  return { args: ['--data-dir', dir], query, dispose: async () => {} };
}

const TARGETS = [
  { name: 'PGlite', enabled: true, open: embeddedTarget },
  { name: 'PostgreSQL server', enabled: Boolean(SERVER_URL), open: serverTarget },
];

const folder = 'docs';
const written = join(work, 'written');
documentIn(work, `v1-${folder}.md`, V1);
documentIn(work, `v2-${folder}.md`, V2);

/** `migrate new` for each version, once for the file. */
let writing: Promise<Run[]> | undefined;
const writeMigrations = () => (writing ??= (async () => [
  await schemadoc(['migrate', 'new', 'shop', `v1-${folder}.md`, '--dir', written]),
  await schemadoc(['migrate', 'new', 'shop v2', `v2-${folder}.md`, '--dir', written]),
])());

let copies = 0;
/** A copy of the migrations `migrate new` wrote for the two versions. */
async function project(): Promise<{ migrations: string }> {
  await writeMigrations();
  const migrations = join(work, `migrations-${++copies}`);
  cpSync(written, migrations, { recursive: true });
  return { migrations };
}

describe('schemadoc migrate new', () => {
  it('writes a migration per version of the document, then none when the migrations already build it', async () => {
    const [first, second] = await writeMigrations();
    expect(first!.stdout).toMatch(/^Wrote .*_shop\.up\.sql and .*_shop\.down\.sql:/);
    expect(first!.code).toBe(0);
    expect(second!.code).toBe(0);
    expect(second!.stdout).toContain('> rename table client');
    expect(second!.stdout).toContain('! SD802 drops-column: drops column client.legacy');
    const { migrations } = await project();
    const again = await schemadoc(['migrate', 'new', 'again', `v2-${folder}.md`, '--dir', migrations]);
    expect(again.stdout).toMatch(/^No migration written: the 2 migrations in .* already build .*v2-docs\.md\./);
    expect(readdirSync(migrations)).toHaveLength(4);
    const down = readFileSync(join(migrations, readdirSync(migrations).sort()[2]!), 'utf8');
    expect(down).toContain('ALTER TABLE public.client RENAME TO customer;');
  });
});

for (const target of TARGETS) {
  describe.skipIf(!target.enabled)(`schemadoc migrate on ${target.name}`, () => {
    it('goes up to version 2 and down to version 1, with every row of the columns that stay', async () => {
      const { migrations } = await project();
      const db = await target.open();
      try {
        const [first] = readdirSync(migrations).sort().map((f) => f.slice(0, 14));
        const init = await schemadoc(['migrate', 'up', '--to', first!, '--dir', migrations, ...db.args]);
        expect(init.code).toBe(0);
        await db.query(ROWS);
        const rows = await db.query(KEPT_V1);
        const up = await schemadoc(['migrate', 'up', '--prove', '--dir', migrations, ...db.args]);
        expect(up.stdout).toMatch(/^Proved on an embedded copy of .* with 6 generated rows: the pending migrations give what the files in .* build, and every row of every column that stays is kept\.\n/);
        expect(up.stdout).toMatch(/Applied 1 migration on/);
        expect(await db.query(KEPT_V2)).toEqual(rows);
        expect((await schemadoc(['verify', `v2-${folder}.md`, ...db.args])).code).toBe(0);
        const status = await schemadoc(['migrate', 'status', '--dir', migrations, ...db.args]);
        expect(status.stdout).toMatch(/2 migrations applied, 0 pending/);
        const down = await schemadoc(['migrate', 'down', '--dir', migrations, ...db.args]);
        expect(down.stdout).toMatch(/Undid 1 migration on/);
        expect(await db.query(KEPT_V1)).toEqual(rows);
        expect((await schemadoc(['verify', `v1-${folder}.md`, ...db.args])).code).toBe(0);
      } finally {
        await db.dispose();
      }
    }, 120_000);

    it('leaves the database at the migration before one that fails half-way, and the history without it', async () => {
      const { migrations } = await project();
      const db = await target.open();
      try {
        const files = readdirSync(migrations).sort();
        // Version 2 breaks on a row whose note is NULL (NOT NULL), after its first changes have run.
        const init = await schemadoc(['migrate', 'up', '--to', files[0]!.slice(0, 14), '--dir', migrations, ...db.args]);
        expect(init.code).toBe(0);
        await db.query(`${ROWS}\nINSERT INTO orders VALUES (12, 1, 5, 'paid', NULL);`);
        const up = await schemadoc(['migrate', 'up', '--dir', migrations, ...db.args]);
        expect(up.code).toBe(1);
        expectNoStackTrace(up);
        expect(up.stderr).toMatch(/_shop_v2 failed: column "note" of relation "orders" contains null values/);
        expect(up.stderr).toMatch(/_shop_v2 was rolled back: .* is as the migration before it left it, and the history does not list/);
        expect((await schemadoc(['verify', `v1-${folder}.md`, ...db.args])).code).toBe(0);
        expect(await db.query('SELECT id FROM schemadoc.migrations')).toEqual([{ id: files[0]!.replace('.down.sql', '') }]);
      } finally {
        await db.dispose();
      }
    }, 120_000);

    it('refuses to run when an applied migration was changed', async () => {
      const { migrations } = await project();
      const db = await target.open();
      try {
        expect((await schemadoc(['migrate', 'up', '--dir', migrations, ...db.args])).code).toBe(0);
        const [, , , up] = readdirSync(migrations).sort();
        writeFileSync(join(migrations, up!), readFileSync(join(migrations, up!), 'utf8') + '\n-- edited\n');
        const again = await schemadoc(['migrate', 'up', '--dir', migrations, ...db.args]);
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/^Nothing was run: 1 applied migration changed since it was applied \(.*_shop_v2\)/);
        const status = await schemadoc(['migrate', 'status', '--dir', migrations, ...db.args]);
        expect(status.stdout).toMatch(/^applied .*_shop\n?.*\nchanged .*_shop_v2/m);
      } finally {
        await db.dispose();
      }
    }, 120_000);
  });
}

describe.skipIf(!SERVER_URL)('migrate with --concurrently on a server', () => {
  it('builds a new index after the migration\'s transaction, CONCURRENTLY', async () => {
    const migrations = join(work, 'concurrent');
    const one = documentIn(work, 'c1.md', '```sql\nCREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);\n```\n');
    const two = documentIn(work, 'c2.md', '```sql\nCREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);\nCREATE INDEX orders_status_idx ON orders (status);\n```\n');
    expect((await schemadoc(['migrate', 'new', 'orders', one, '--dir', migrations])).code).toBe(0);
    expect((await schemadoc(['migrate', 'new', 'status index', two, '--dir', migrations, '--concurrently'])).code).toBe(0);
    const up = readdirSync(migrations).sort().find((f) => f.endsWith('_status_index.up.sql'))!;
    expect(readFileSync(join(migrations, up), 'utf8')).toMatch(/-- schemadoc: outside the transaction\n\n-- create index orders_status_idx\nCREATE INDEX CONCURRENTLY orders_status_idx ON public\.orders USING btree \(status\);/);
    const db = await serverTarget();
    try {
      const run = await schemadoc(['migrate', 'up', '--dir', migrations, ...db.args]);
      expect(run.stdout).toMatch(/Applied 2 migrations on/);
      expect(await db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_status_idx'::regclass")).toEqual([{ indisvalid: true }]);
    } finally {
      await db.dispose();
    }
  }, 120_000);
});

describe.skipIf(!SERVER_URL)('two migrate up at once on a server', () => {
  it('one waits for the other, and nothing is applied twice', async () => {
    const { migrations } = await project();
    const db = await serverTarget();
    try {
      const runs = await Promise.all([1, 2].map(() => schemadoc(['migrate', 'up', '--dir', migrations, ...db.args])));
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      const said = runs.map((r) => r.stdout.trim().split('\n').pop());
      expect(said.filter((s) => /^Applied 2 migrations on/.test(s!))).toHaveLength(1);
      expect(said.filter((s) => /^Nothing to apply: .* is up to date\./.test(s!))).toHaveLength(1);
      expect(await db.query('SELECT count(*)::int AS n FROM schemadoc.migrations')).toEqual([{ n: 2 }]);
    } finally {
      await db.dispose();
    }
  }, 120_000);
});
