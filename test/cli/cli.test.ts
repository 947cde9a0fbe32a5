import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../bench/generate.js';
import { openDatabase } from '../../src/pg/database.js';
import { allSeeds, REPO_DIR } from '../helpers/documents.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { CLI, documentIn, expectNoStackTrace, leaksNothing, runner, type Run, workDirectory } from '../helpers/cli.js';

const work = workDirectory();
const schemadoc = runner(work);
const document = (name: string, text: string) => documentIn(work, name, text);

describe('schemadoc command line', () => {
  it('explains itself', async () => {
    const top = await schemadoc(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/apply[\s\S]*sql[\s\S]*inspect/);
    const apply = await schemadoc(['apply', '--help']);
    expect(apply.stdout).toMatch(/--db URL[\s\S]*--data-dir DIR[\s\S]*--force/);
  });

  it.each([
    [[], /Usage: schemadoc/],
    [['frobnicate', 'x.md'], /unknown command "frobnicate"/],
    [['sql', '--nope', 'x.md'], /Unknown option '--nope'/],
    [['sql', 'missing.md'], /^schemadoc: cannot read missing\.md: no such file\n$/],
    [['apply'], /name at least one document/],
    [['apply', 'x.md', '--db', 'postgres://localhost/x', '--reset'], /--reset only starts the embedded database afresh/],
  ])('exits 2 with one sentence for a usage error: %j', async (args, message) => {
    const run = await schemadoc(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toMatch(message);
    expectNoStackTrace(run);
  });

  it('refuses a binary file in one sentence, and says where a document is not UTF-8', async () => {
    const binary = join(work, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const run = await schemadoc(['check', binary]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^schemadoc: .*image\.png is a binary file, not a document: name a Markdown document or a \.sql file\n$/);
    expect(run.stdout).toBe('');
    const latin1 = join(work, 'latin1.md');
    writeFileSync(latin1, Buffer.concat([Buffer.from('# Shop\n\n```sql\nCREATE TABLE caf'), Buffer.from([0xe9]), Buffer.from(' (id int PRIMARY KEY);\n```\n')]));
    const read = await schemadoc(['check', latin1, '--no-execute']);
    expect(read.stdout).toMatch(/latin1\.md:4:17 warning SD109 the document has bytes that are not UTF-8 here/);
  });

  it('shows SQL that does not parse at its line and column, with the line and a caret', async () => {
    const path = document('broken.md', '# Broken\n\n```sql\nCREATE TABLE a (id int);\nCREATE TABEL b (id int);\n```\n');
    const run = await schemadoc(['sql', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('CREATE TABLE a');
    expect(run.stderr).toContain(`${path}:5:8 error SD101 SQL does not parse: syntax error at or near "TABEL"`);
    expect(run.stderr).toContain('  5 | CREATE TABEL b (id int);\n    |        ^');
  });

  it('says in one sentence, without the password, that a server is unreachable', async () => {
    const path = document('one.md', '```sql\nCREATE TABLE a (id int);\n```\n');
    const run = await schemadoc(['apply', path, '--db', 'postgres://someone:s3cret@127.0.0.1:1/app']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^schemadoc: cannot connect to postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/app: nothing is listening there/);
  });

  it.each([
    ['postgres://someone@127.0.0.1:1/app?password=s3cret', /cannot connect to postgres:\/\/someone@127\.0\.0\.1:1\/app\?password=\*\*\*: nothing is listening/],
    ['host=127.0.0.1 port=1 dbname=app user=someone password=s3cret', /cannot connect to host=127\.0\.0\.1 port=1 dbname=app user=someone password=\*\*\*: nothing is listening/],
    ["host=127.0.0.1 port=1 password='s3cret and more'", /cannot connect to host=127\.0\.0\.1 port=1 password=\*\*\*: nothing is listening/],
    ['mysql://root:s3cret@127.0.0.1/app', /^schemadoc: mysql:\/\/ names another kind of database: schemadoc needs PostgreSQL/],
  ])('takes %s as psql would, and never shows its password', async (url, message) => {
    const path = document('one.md', '```sql\nCREATE TABLE a (id int);\n```\n');
    const run = await schemadoc(['apply', path, '--db', url], { PGPASSWORD: 's3cret' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.skipIf(!SERVER_URL)('says in one sentence that the server has no such database', async () => {
    const url = new URL(SERVER_URL!);
    url.pathname = '/no_such_database_here';
    url.password = 'hunter2';
    const path = document('two.md', '```sql\nCREATE TABLE a (id int);\n```\n');
    const run = await schemadoc(['apply', path, '--db', url.toString()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/has no such database/);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('applies the example, finds nothing to apply the second time, and starts afresh with --reset', async () => {
    const example = join(REPO_DIR, 'examples/bookshop.md');
    const dataDir = join(work, 'bookshop-db');
    const first = await schemadoc(['apply', example, '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied .*bookshop\.md to the embedded database in .* s: 1 type, 5 tables, 1 view, 5 indexes, 4 foreign keys/);
    const again = await schemadoc(['apply', example, '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^The embedded database in .*bookshop-db already matches .*bookshop\.md: nothing to apply\./);
    const reset = await schemadoc(['apply', example, '--data-dir', dataDir, '--reset']);
    expect(reset.code).toBe(0);
  });

  it('applies an edited document to a database that has its schema as a plan, and never copies the schema again', async () => {
    const dataDir = join(work, 'edited-db');
    const doc = (extra: string) => document('edited.md', `# Shop\n\n\`\`\`sql\nCREATE TABLE author (id int PRIMARY KEY);\nCREATE TABLE book (id int PRIMARY KEY, author_id int REFERENCES author (id)${extra});\n\`\`\`\n`);
    expect((await schemadoc(['apply', doc(''), '--data-dir', dataDir])).code).toBe(0);
    const forced = await schemadoc(['apply', doc(', title text'), '--data-dir', dataDir, '--force']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/^schemadoc: --force is for an empty database; the embedded database in .* has a schema, so apply plans the changes to it/);
    const planned = await schemadoc(['apply', doc(', title text'), '--data-dir', dataDir]);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('+ create column book.title');
    expect(planned.stdout).toMatch(/Applied 1 change to the embedded database/);
    const verified = await schemadoc(['verify', doc(', title text'), '--data-dir', dataDir]);
    expect(verified.stdout).toMatch(/matches/);
    expect(verified.code).toBe(0);
  });

  it('--reset removes only an embedded database directory', async () => {
    const project = join(work, 'my-project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'README.md'), '# mine');
    const example = join(REPO_DIR, 'examples/bookshop.md');
    const refused = await schemadoc(['apply', example, '--data-dir', project, '--reset']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^schemadoc: --reset removes only an embedded database directory, and .*my-project is not one \(it has no PG_VERSION\): nothing was removed/);
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toBe('# mine');
    const here = await schemadoc(['apply', example, '--data-dir', '.', '--reset']);
    expect(here.code).toBe(2);
    expect(here.stderr).toMatch(/^schemadoc: --reset removes only an embedded database directory, and \. is not one/);
    expectNoStackTrace(here);
    // A database directory with something else in it is not removed either.
    const dataDir = join(work, 'mixed-db');
    expect((await schemadoc(['apply', example, '--data-dir', dataDir])).code).toBe(0);
    writeFileSync(join(dataDir, 'notes.txt'), 'keep me');
    const mixed = await schemadoc(['apply', example, '--data-dir', dataDir, '--reset']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/also holds notes\.txt: nothing was removed/);
    expect(readFileSync(join(dataDir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it.skipIf(!SERVER_URL)('applies to a server named by DATABASE_URL', async () => {
    const server = await freshServerDatabase();
    try {
      const run = await schemadoc(['apply', join(REPO_DIR, 'examples/bookshop.md')], { DATABASE_URL: server.url });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/to postgres:\/\/.* 5 tables/);
    } finally {
      await server.dispose();
    }
  });

  it('changes nothing when the model makes an object impossible, and with --force creates the others', async () => {
    const doc = document('dangling.md', '# Shop\n\n```sql\nCREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, c_id int REFERENCES c (id));\n```\n');
    const refused = await schemadoc(['apply', doc, '--data-dir', 'memory://']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/dangling\.md:5:46 error SD220 foreign key of b refers to table c, which the document does not define/);
    expect(refused.stderr).toMatch(/Nothing was applied: 1 error in the document makes objects impossible to create \(--force creates the others\)\./);
    const forced = await schemadoc(['apply', doc, '--data-dir', 'memory://', '--force']);
    expect(forced.stdout).toMatch(/Applied .*: 2 tables, 2 other constraints\.\nSkipped 1 object \(listed above\)\./);
    expect(forced.stderr).toMatch(/warning SD300 skipped foreign key b\(c_id\): relation "c" does not exist/);
  });

  it('prints the model with source locations', async () => {
    const run = await schemadoc(['inspect', join(REPO_DIR, 'examples/bookshop.md'), '--json']);
    expect(run.code).toBe(0);
    const { schema } = JSON.parse(run.stdout);
    expect(schema.tables[0]).toMatchObject({ name: 'author', spans: [{ line: 17, column: 1, source: 'sql' }] });
  });
});

describe.concurrent('every seed goes through sql and apply without a crash', () => {
  for (const seed of allSeeds()) {
    const name = seed.split('/').pop()!;
    it(name, async () => {
      const sql = await schemadoc(['sql', seed]);
      expect([0, 1]).toContain(sql.code);
      expectNoStackTrace(sql);
      const apply = await schemadoc(['apply', seed, '--data-dir', join(work, name)]);
      expect([0, 1]).toContain(apply.code);
      expectNoStackTrace(apply);
      if (apply.code === 1) expect(apply.stderr).toMatch(/:\d+:\d+ error SD\d+ /);
    });
  }
});

describe('schemadoc check', () => {
  const clean = '# Doc\n\n```sql\nCREATE TABLE account (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);\n```\n';
  // A style rule the document asks for: a warning.
  const warned = '# Doc\n\nTimestamps include timezone.\n\n```sql\nCREATE TABLE event (id bigint PRIMARY KEY, at timestamp);\n```\n';
  const broken = '# Doc\n\n```sql\nCREATE TABLE a (id bigint PRIMARY KEY);\nCREATE VIEW v AS SELECT missing FROM a;\n```\n';

  it('exits 0 on a clean document, 1 on errors, and says where', async () => {
    const ok = await schemadoc(['check', document('clean.md', clean)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^No problems found in .*clean\.md \(1 table; schema and 0 examples run in a scratch database; \d+\.\d s\)\./);
    const bad = await schemadoc(['check', document('broken.md', broken)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/broken\.md:5:25 error SD220 view v fails in PostgreSQL: column "missing" does not exist\n {2}5 \| CREATE VIEW v AS SELECT missing FROM a;\n {4}\| {25}\^/);
    expectNoStackTrace(bad);
  });

  it('fails on warnings only above --max-warnings', async () => {
    const file = document('warned.md', warned);
    expect((await schemadoc(['check', file])).code).toBe(0);
    expect((await schemadoc(['check', file, '--max-warnings', '1'])).code).toBe(0);
    const over = await schemadoc(['check', file, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/1 warning, more than --max-warnings 0/);
    const quiet = await schemadoc(['check', file, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^No errors in .*warned\.md \(1 table; schema and 0 examples run in a scratch database; \d+\.\d s\); 1 warning or info not shown \(--quiet\)\.$/m);
  });

  it('writes json, sarif and github formats, to a file with --output', async () => {
    const file = document('warned2.md', warned);
    const json = JSON.parse((await schemadoc(['check', file, '--format', 'json'])).stdout);
    expect(json.summary).toEqual({ errors: 0, warnings: 1, infos: 0, findings: 1, places: 1 });
    expect(json.diagnostics[0]).toMatchObject({ code: 'SD506', line: 6, column: 47, fix: 'timestamptz', group: 'SD506-1' });
    const out = join(work, 'report.sarif');
    expect((await schemadoc(['check', file, '--format', 'sarif', '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    expect((await schemadoc(['check', file, '--format', 'github'])).stdout).toMatch(/^::warning file=.*warned2\.md,line=6,col=47,endLine=6,endColumn=56,title=SD506::/);
  });

  it('checks a quoted glob of documents together', async () => {
    document('glob-a.md', '# A\n\n```sql\nCREATE TABLE team (id bigint PRIMARY KEY);\n```\n');
    document('glob-b.md', '# B\n\n```sql\nCREATE TABLE player (id bigint PRIMARY KEY, team_id bigint REFERENCES team (id) ON DELETE CASCADE);\nCREATE INDEX ix_player_team_id ON player (team_id);\n```\n');
    const run = await schemadoc(['check', 'glob-*.md']);
    expect(run.stdout).toMatch(/No problems found in glob-a\.md, glob-b\.md \(2 tables/);
    expect(run.code).toBe(0);
  });

  it('answers usage mistakes with exit 2 and one sentence', async () => {
    const file = document('clean2.md', clean);
    for (const args of [['check', file, '--format', 'xml'], ['check', file, '--max-warnings', 'many'], ['check', 'nothing-*.md'], ['check', file, '--config', 'none.json']]) {
      const run = await schemadoc(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^schemadoc: .+\n$/);
    }
  });
});

describe('Ctrl-C during apply', () => {
  /** Runs apply and sends it SIGINT after `ms`: whether it is reading, opening or applying, nothing may be applied. */
  function interrupted(args: string[], ms: number): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn('node', [CLI, ...args], { cwd: work, env: { ...process.env, DATABASE_URL: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => { stderr += d; });
      const timer = setTimeout(() => child.kill('SIGINT'), ms);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve(leaksNothing({ code: code ?? -1, stdout, stderr }));
      });
    });
  }
  const big = (tables: number) => document(`big-${tables}.md`, generateDocument(tables).markdown);
  const tables = "SELECT count(*)::int AS n FROM pg_catalog.pg_class WHERE relnamespace = 'public'::regnamespace";

  it('on the embedded database, says so and leaves it unchanged', async () => {
    const dataDir = join(work, 'interrupted-db');
    const run = await interrupted(['apply', big(2000), '--data-dir', dataDir], 3000);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/^Interrupted: nothing was applied(, the embedded database in .* is unchanged)?\.$/m);
    expectNoStackTrace(run);
    const db = await openDatabase({ dataDir });
    try {
      expect(await db.query(tables)).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it.skipIf(!SERVER_URL)('on a server, says so and leaves it unchanged', async () => {
    const server = await freshServerDatabase();
    try {
      const run = await interrupted(['apply', big(1500), '--db', server.url], 2500);
      expect(run.code).toBe(130);
      expect(run.stderr).toMatch(/^Interrupted: nothing was applied(, postgres:\/\/.* is unchanged)?\.$/m);
      const db = await openDatabase({ url: server.url });
      try {
        expect(await db.query(tables)).toEqual([{ n: 0 }]);
      } finally {
        await db.close();
      }
    } finally {
      await server.dispose();
    }
  }, 60_000);
});

describe('SQL files as documents', () => {
  it('reads a folder of migrations in name order, each statement where it stands', async () => {
    mkdirSync(join(work, 'migrations'), { recursive: true });
    document('migrations/002_profile.sql', 'SET search_path TO app;\nALTER TABLE account ADD COLUMN nickname text;\nCREATE TABLE profile (account_id bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE);\n');
    document('migrations/001_init.sql', 'CREATE SCHEMA app;\nCREATE TABLE app.account (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, legacy int);\n');
    document('migrations/003_cleanup.sql', 'ALTER TABLE app.account DROP COLUMN legacy;\nDROP TABLE IF EXISTS app.unknown;\n');
    const check = await schemadoc(['check', 'migrations/*.sql']);
    expect(check.stdout).toMatch(/No problems found in migrations\/001_init\.sql, migrations\/002_profile\.sql, migrations\/003_cleanup\.sql \(2 tables/);
    const inspect = JSON.parse((await schemadoc(['inspect', 'migrations/*.sql', '--json'])).stdout);
    expect(inspect.schema.tables.map((t: { schema: string; name: string; columns: { name: string }[] }) => `${t.schema}.${t.name}(${t.columns.map((c) => c.name).join(',')})`))
      .toEqual(['app.account(id,email,nickname)', 'app.profile(account_id)']);
    const apply = await schemadoc(['apply', 'migrations/*.sql', '--data-dir', 'memory://']);
    expect(apply.stdout).toMatch(/: 1 schema, 2 tables, 1 foreign key, 3 other constraints\./);
    expect(apply.code).toBe(0);
  });

  it('prints the script apply runs, the Supabase stand-in included unless --no-shims', async () => {
    const file = document('supa.sql', 'create table profile (id uuid primary key references auth.users);\nalter table profile enable row level security;\ncreate policy own on profile using (auth.uid() = id);\n');
    const sql = await schemadoc(['sql', file]);
    expect(sql.stdout).toMatch(/^CREATE SCHEMA IF NOT EXISTS extensions;[\s\S]*\n\ncreate table profile \(id uuid primary key references auth\.users\);\n\nalter table profile enable row level security;\n\ncreate policy own on profile using \(auth\.uid\(\) = id\);\n\nGRANT ALL ON ALL TABLES IN SCHEMA public/);
    const bare = await schemadoc(['sql', file, '--no-shims']);
    expect(bare.stdout).toBe('create table profile (id uuid primary key references auth.users);\n\nalter table profile enable row level security;\n\ncreate policy own on profile using (auth.uid() = id);\n');
  });

  it('reports CREATE DATABASE and \\c once each, and applies the rest to the database it is given', async () => {
    const file = document('own-db.sql', 'DROP DATABASE IF EXISTS shop;\nCREATE DATABASE shop;\n\\c shop\nCREATE TABLE product (id int PRIMARY KEY);\n');
    const apply = await schemadoc(['apply', file, '--data-dir', 'memory://']);
    expect(apply.stderr.match(/info SD106/g)).toHaveLength(3);
    expect(apply.stderr).toMatch(/own-db\.sql:3:1 info SD106 psql's \\c is not part of a schema/);
    expect(apply.stdout).toMatch(/: 1 table, 1 other constraint\./);
    expect(apply.code).toBe(0);
  });
});
