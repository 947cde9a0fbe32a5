// What a team adjusts: severities and conventions in the config file, ignore comments in
// the document, and several documents checked as one schema.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { ConfigError, emptyConfig, loadConfig } from '../../src/check/config.js';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { groupFindings } from '../../src/report/group.js';

const work = mkdtempSync(join(tmpdir(), 'schemadoc-check-'));
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await closeScratchDatabases();
});

const sql = (text: string) => `# Doc\n\n\`\`\`sql\n${text}\n\`\`\`\n`;
const codes = async (text: string, options = {}) =>
  (await checkDocuments([{ file: 'doc.md', text }], options)).diagnostics.map((d) => `${d.code}:${d.severity}:${d.span?.line}`);

describe('config file', () => {
  it('changes a severity, turns a rule off and sets conventions', async () => {
    writeFileSync(join(work, 'schemadoc.config.json'), JSON.stringify({
      rules: { SD506: 'error', SD509: 'off' },
      conventions: { tableNumber: 'plural', indexName: 'idx_<table>_<column>' },
    }));
    const config = await loadConfig(work);
    const found = await codes(sql('CREATE TABLE item (at timestamp);\nCREATE INDEX ix_item_at ON item (at);'), { config });
    expect(found).toEqual(expect.arrayContaining(['SD506:error:4', 'SD601:warning:4', 'SD602:warning:5']));
    expect(found.some((c) => c.startsWith('SD509'))).toBe(false);
  });

  it('reads a TypeScript config', async () => {
    const dir = mkdtempSync(join(work, 'ts-'));
    writeFileSync(join(dir, 'schemadoc.config.ts'), "const config: { rules: Record<string, string> } = { rules: { SD507: 'off' } };\nexport default config;\n");
    expect((await loadConfig(dir)).rules).toEqual({ SD507: 'off' });
  });

  it('says what is wrong with a bad config, in one sentence', async () => {
    const file = join(work, 'bad.json');
    writeFileSync(file, JSON.stringify({ rules: { SD501: 'loud' } }));
    await expect(loadConfig(work, file)).rejects.toThrow(new ConfigError(`${file}: rule SD501 must be "error", "warning", "info" or "off"`));
    writeFileSync(file, JSON.stringify({ conventions: { tableCase: 'kebab' } }));
    await expect(loadConfig(work, file)).rejects.toThrow(/convention tableCase must be "snake_case" or "camelCase" or "PascalCase"/);
  });
});

// SD506, a style rule, is the example below: every rule runs.
const everyRule = { config: { ...emptyConfig(), extends: 'schemadoc:all' as const } };

describe('ignore comments', () => {
  it('silence a code for the block after an HTML comment, and nothing else', async () => {
    const text = '# Doc\n\n<!-- schemadoc-ignore SD506 -->\n```sql\nCREATE TABLE a (id int PRIMARY KEY, at timestamp);\n```\n\n```sql\nCREATE TABLE b (id int PRIMARY KEY, at timestamp);\n```\n';
    expect((await codes(text, everyRule)).filter((c) => c.startsWith('SD506'))).toEqual(['SD506:warning:9']);
  });

  it('silence one row of a column table, or one SQL line', async () => {
    const table = '## a\n\n| Column | Type |\n|---|---|\n| id | int PK |\n| at | timestamp <!-- schemadoc-ignore --> |\n| at2 | timestamp |\n';
    expect((await codes(table, everyRule)).filter((c) => c.startsWith('SD506'))).toEqual(['SD506:warning:7']);
    const lines = sql('CREATE TABLE a (\n  id int PRIMARY KEY,\n  -- schemadoc-ignore SD506\n  at timestamp,\n  at2 timestamp\n);');
    expect((await codes(lines, everyRule)).filter((c) => c.startsWith('SD506'))).toEqual(['SD506:warning:8']);
  });
});

describe('an ignore comment on its own line between two table rows', () => {
  it('silences the row below it and keeps the table whole', async () => {
    const text = '## a\n\n| Column | Type |\n|---|---|\n| id | int PK |\n<!-- schemadoc-ignore SD506 -->\n| at | timestamp |\n| at2 | timestamp |\n';
    const { schema, diagnostics } = await checkDocuments([{ file: 'doc.md', text }], { ...everyRule, execute: false });
    expect(schema.tables[0]!.columns.map((c) => `${c.name}:${c.spans[0]!.line}`)).toEqual(['id:5', 'at:7', 'at2:8']);
    expect(diagnostics.map((d) => `${d.code}:${d.span!.line}:${d.span!.column}`)).toEqual(['SD506:8:9']);
  });
});

describe('several documents', () => {
  it('are one schema: a table in one is not undefined in the other', async () => {
    const a = { file: 'a.md', text: sql('CREATE TABLE account (id bigint PRIMARY KEY);') };
    const b = { file: 'b.md', text: sql('CREATE TABLE note (id bigint PRIMARY KEY, account_id bigint REFERENCES account (id) ON DELETE CASCADE);\nCREATE INDEX ix_note_account_id ON note (account_id);\nSELECT n.id FROM note n JOIN account a ON a.id = n.account_id;') };
    expect((await checkDocuments([a, b])).diagnostics).toEqual([]);
    const alone = (await checkDocuments([b])).diagnostics;
    expect(alone.map((d) => `${d.code} ${d.span!.file}:${d.span!.line}`)).toContain('SD220 b.md:4');
  });
});

describe('declared conventions', () => {
  it('are read from the document and reported against the sentence that states them', async () => {
    const text = '# Doc\n\n## Conventions\n\n- Timestamps include timezone information (timestamptz)\n- Always index foreign keys\n- Text is used for variable-length strings (preferred over VARCHAR)\n\n'
      + '```sql\nCREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id) ON DELETE CASCADE, at timestamp, name varchar(20));\n```\n';
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text }]);
    const related = (code: string) => diagnostics.find((d) => d.code === code)?.related?.[0]?.span.line;
    expect(related('SD506')).toBe(5);
    expect(related('SD501')).toBe(6);
    expect(related('SD507')).toBe(7);
    expect(diagnostics.find((d) => d.code === 'SD507')!.severity).toBe('warning');
  });
});

describe('PostgreSQL refusals', () => {
  it('say when an unquoted name was folded, in a view and in an example, at the token', async () => {
    const text = sql('CREATE TABLE s (id int PRIMARY KEY, "userId" int NOT NULL);\nCREATE VIEW v AS SELECT userId FROM s;\nSELECT id FROM s WHERE userId = 1;\nVACUUM s;');
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text }]);
    expect(diagnostics.map((d) => `${d.code} ${d.span!.line}:${d.span!.column} ${d.fix}`)).toEqual(['SD221 5:25 "userId"', 'SD221 6:24 "userId"']);
    expect(diagnostics[0]!.message).toMatch(/^view v fails in PostgreSQL: column "userid" does not exist: PostgreSQL folds the unquoted name to lower case, but the column is "userId"$/);
  });

  it('check examples written with a driver\'s ? and :name parameters, after a comment with accents', async () => {
    const text = sql('CREATE TABLE a (id int PRIMARY KEY, name text);\n-- révisées\nSELECT id FROM a WHERE id = ? AND name = ?;\nSELECT id FROM a WHERE nom = :nom;');
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text }]);
    expect(diagnostics.map((d) => `${d.code} ${d.span!.line}:${d.span!.column}`)).toEqual(['SD108 6:1', 'SD108 7:1', 'SD220 7:24']);
    expect(diagnostics[2]!.message).toBe('the example fails in PostgreSQL: column "nom" does not exist');
  });

  it('name the table an example meant when it spells it another way', async () => {
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text: sql('CREATE TABLE book (id int PRIMARY KEY);\nSELECT id FROM books;') }]);
    expect(diagnostics.map((d) => `${d.code} ${d.span!.line}:${d.span!.column} ${d.fix}`)).toEqual(['SD220 5:16 book']);
    expect(diagnostics[0]!.message).toBe(`the example fails in PostgreSQL: relation "books" does not exist; the document's table is book`);
  });

  it('are one finding for a function the document never defines, however often it is called', async () => {
    const text = sql('CREATE TABLE a (id int PRIMARY KEY);\nSELECT slugify(id) FROM a;\nCREATE VIEW v AS SELECT slugify(id) FROM a;\nSELECT slugify(2);');
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text }]);
    const groups = groupFindings(diagnostics);
    expect(groups.map((g) => g.places.map((d) => `${d.code} ${d.span!.line}:${d.span!.column}`))).toEqual([['SD220 5:8', 'SD220 6:25', 'SD220 7:8']]);
  });

  it('do not repeat for objects that depend on one that failed', async () => {
    const text = sql("CREATE TABLE a (id int PRIMARY KEY, n numeric DEFAULT 'x');\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id) ON DELETE CASCADE);\nCREATE INDEX ix_b_a_id ON b (a_id);\nCREATE VIEW v AS SELECT * FROM a;");
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text }]);
    expect(diagnostics.map((d) => `${d.code} ${d.span!.line}`)).toEqual(['SD400 4']);
    expect(diagnostics[0]!.message).toMatch(/^table a fails in PostgreSQL: invalid input syntax for type numeric: "x"/);
  });
});

describe('references to what the document never defines', () => {
  it('are one finding per missing table, and per schema the document describes nothing of', async () => {
    const text = sql([
      'CREATE TABLE note (id int PRIMARY KEY, author_id uuid REFERENCES billing.customer (id) ON DELETE CASCADE, editor_id uuid REFERENCES billing.account (id) ON DELETE CASCADE,',
      '  tag_id int REFERENCES tag (id) ON DELETE CASCADE, other_tag_id int REFERENCES tag (id) ON DELETE CASCADE);',
      'CREATE INDEX ON note (author_id);\nCREATE INDEX ON note (editor_id);\nCREATE INDEX ON note (tag_id);\nCREATE INDEX ON note (other_tag_id);',
    ].join('\n'));
    const { diagnostics } = await checkDocuments([{ file: 'doc.md', text }], { execute: false });
    const groups = groupFindings(diagnostics.filter((d) => d.code === 'SD220'));
    expect(groups.map((g) => g.places.length)).toEqual([2, 2]);
    expect(groups[0]!.places[0]!.message).toBe('foreign key of note refers to table billing.customer, which the document does not define (nor anything else in schema billing)');
  });
});
