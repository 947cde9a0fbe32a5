// `schemadoc docs` and `schemadoc pull`: the document of a database that has none, which the
// database then verifies against; and nothing an author wrote is overwritten.
import { join } from 'node:path';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentIn, expectNoStackTrace, runner, workDirectory } from '../helpers/cli.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { seedPath } from '../helpers/documents.js';

const work = workDirectory();
const schemadoc = runner(work);

/** A seed applied to a new embedded database, and its document pulled with `to` (`-o FILE` or `--split DIR`). */
async function pulledSeed(seed: string, to: string[]): Promise<{ dataDir: string; stderr: string }> {
  const dataDir = join(work, `seed-${seed}-db`);
  expect((await schemadoc(['apply', seedPath(seed), '--data-dir', dataDir])).code).toBe(0);
  const pull = await schemadoc(['pull', '--data-dir', dataDir, ...to]);
  expect(pull.code, pull.stderr).toBe(0);
  return { dataDir, stderr: pull.stderr };
}

describe('pull, then verify', () => {
  it('on the embedded database: the pulled document matches the database it came from', async () => {
    const pulled = join(work, 'pulled-002.md');
    const { dataDir, stderr } = await pulledSeed('002', ['-o', pulled]);
    expect(stderr).toMatch(/^Wrote .*pulled-002\.md: 8 tables/m);
    const verify = await schemadoc(['verify', pulled, '--data-dir', dataDir]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 60_000);

  it.skipIf(!SERVER_URL)('on a server', async () => {
    const server = await freshServerDatabase();
    try {
      expect((await schemadoc(['apply', seedPath('000'), '--db', server.url])).code).toBe(0);
      const pulled = join(work, 'pulled-000.md');
      expect((await schemadoc(['pull', '--db', server.url, '-o', pulled])).code).toBe(0);
      const text = readFileSync(pulled, 'utf8');
      expect(text).toContain('```mermaid\nerDiagram');
      expect(text).toContain('### deal\n');
      const verify = await schemadoc(['verify', pulled, '--db', server.url]);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    } finally {
      await server.dispose();
    }
  }, 60_000);
});

describe('docs writes only what it wrote before', () => {
  const doc = () => documentIn(work, 'shop.md', '# Shop\n\n```sql\nCREATE TABLE item (id int PRIMARY KEY, name text NOT NULL);\n```\n');

  it('refuses to overwrite a document schemadoc did not write', async () => {
    const mine = documentIn(work, 'mine.md', '# My notes\n\nHand-written.\n');
    const run = await schemadoc(['docs', doc(), '-o', mine]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/mine\.md exists and schemadoc did not write it: nothing was written \(--force overwrites it\)/);
    expect(readFileSync(mine, 'utf8')).toBe('# My notes\n\nHand-written.\n');
    expectNoStackTrace(run);
  }, 60_000);

  it("replaces its own part of a document it wrote, keeping the author's text around it", async () => {
    const out = join(work, 'generated.md');
    expect((await schemadoc(['docs', doc(), '-o', out])).code).toBe(0);
    const generated = readFileSync(out, 'utf8');
    writeFileSync(out, `Intro by the author.\n\n${generated}\n## Notes\n\nKept.\n`);
    documentIn(work, 'shop.md', '# Shop\n\n```sql\nCREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, price numeric);\n```\n');
    expect((await schemadoc(['docs', join(work, 'shop.md'), '-o', out])).code).toBe(0);
    const updated = readFileSync(out, 'utf8');
    expect(updated).toMatch(/^Intro by the author\.\n\n# Database schema\n/);
    expect(updated).toContain('| price | numeric | YES |');
    expect(updated).toMatch(/## Notes\n\nKept\.\n$/);
  }, 60_000);

  it('--split writes one file per table and an index, which verify reads together', async () => {
    const dir = join(work, 'schema-docs');
    const { dataDir } = await pulledSeed('003', ['--split', dir]);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'audit_logs.md', 'comment.md', 'post.md', 'roles.md', 'sessions.md', 'user_roles.md', 'users.md']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('- [users](users.md)');
    const verify = await schemadoc(['verify', `${dir}/*.md`, '--data-dir', dataDir]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 60_000);

  it('--update rewrites the part it wrote from the rest of the document, which readers then pass over', async () => {
    const path = documentIn(work, 'design.md', '# Design\n\nOur shop.\n\n```sql\nCREATE TABLE item (id int PRIMARY KEY, name text NOT NULL);\n```\n');
    expect((await schemadoc(['docs', path, '--update'])).code).toBe(0);
    const first = readFileSync(path, 'utf8');
    expect(first).toMatch(/^# Design\n\nOur shop\.\n\n```sql\nCREATE TABLE item/);
    expect(first).toContain('<!-- schemadoc:generated:start from the rest of this document -->');
    expect(first).toContain('| name | text | NO |');
    // Read again, the document is its own SQL once: the part it was given is not read.
    const check = await schemadoc(['check', path, '--no-execute', '--format', 'json']);
    expect(JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
    writeFileSync(path, first.replace('name text NOT NULL', 'name text NOT NULL, price numeric'));
    expect((await schemadoc(['docs', path, '--update'])).code).toBe(0);
    const second = readFileSync(path, 'utf8');
    expect(second).toContain('| price | numeric | YES |');
    expect(second.match(/schemadoc:generated:start/g)).toHaveLength(1);
    expect(second.startsWith('# Design\n\nOur shop.')).toBe(true);
  }, 60_000);

  it('--update fills each part the author placed (the diagram, a table …) and leaves the rest as written', async () => {
    const text = '# Design\n\n```sql\nCREATE TABLE item (id int PRIMARY KEY, name text NOT NULL);\n```\n\n## How it fits\n\n'
      + '<!-- schemadoc:generated:start diagram -->\n<!-- schemadoc:generated:end -->\n\n## Items\n\nWhat we sell.\n\n<!-- schemadoc:generated:start table item -->\n<!-- schemadoc:generated:end -->\n';
    const path = documentIn(work, 'parts.md', text);
    expect((await schemadoc(['docs', path, '--update'])).code).toBe(0);
    const first = readFileSync(path, 'utf8');
    expect(first).toContain('## How it fits\n\n<!-- schemadoc:generated:start diagram from the rest of this document -->\n\n```mermaid\nerDiagram');
    expect(first).toContain('## Items\n\nWhat we sell.\n\n<!-- schemadoc:generated:start table item from the rest of this document -->\n\n| Column | Type |');
    expect(first).not.toContain('## SQL');
    const check = await schemadoc(['check', path, '--no-execute', '--format', 'json']);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    expect((await schemadoc(['docs', path, '--update'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(first);
    // A part schemadoc does not write: said with its line, and nothing is written.
    writeFileSync(path, `${first}\n<!-- schemadoc:generated:start glossary -->\n<!-- schemadoc:generated:end -->\n`);
    const refused = await schemadoc(['docs', path, '--update']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/parts\.md:\d+: "glossary" is no part schemadoc writes; name each part one of: diagram, tables, views, types, sequences, functions, sql, table NAME/);
    expect(readFileSync(path, 'utf8')).toContain('start glossary -->\n<!-- schemadoc:generated:end -->');
  }, 60_000);

  it('answers usage mistakes in one sentence', async () => {
    for (const [args, message] of [
      [['pull', '-o', 'x.md'], /name the database to pull/],
      [['pull', '--data-dir', work], /name the document to write: -o FILE\.md/],
      [['docs'], /name documents, or a database/],
      [['docs', doc(), '--diagram-limit', 'big'], /--diagram-limit needs a number/],
      [['docs', doc(), doc(), '--update'], /--update rewrites the generated part of one document/],
    ] as const) {
      const run = await schemadoc([...args]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});
