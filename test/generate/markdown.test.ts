// The canonical Markdown document: read back by schemadoc, it is the same schema, and the
// tables, diagram and SQL in it agree (reading it reports nothing).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { compareSchemas } from '../../src/diff/compare.js';
import { markdownDocument, markdownFiles } from '../../src/generate/markdown.js';
import { diagrams } from '../../src/generate/mermaid.js';
import { allSeeds, compile, CORPUS_DIR, sqlDoc } from '../helpers/documents.js';
import { REALSQL_DIR } from '../helpers/realsql.js';

afterAll(closeScratchDatabases);

async function canonicalOf(file: string, text: string) {
  const { schema } = await compileDocuments([{ file, text }]);
  return canonicalSchema(schema, new Map([[file, text]]));
}

// The real files whose extensions the embedded database ships.
const documents = [
  ...allSeeds(), ...readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => CORPUS_DIR + f),
  ...['pagila.sql', 'chinook.sql', 'supanext.sql'].map((f) => REALSQL_DIR + f),
];

describe('docs → read is the same schema', () => {
  const written: string[] = [];
  it.each(documents)('%s', async (path) => {
    const before = await canonicalOf(path, readFileSync(path, 'utf8'));
    if (before.diagnostics.some((d) => d.severity === 'error') || before.schema.tables.length === 0) return;
    const markdown = markdownDocument(before.schema, { source: path });
    const reading = await compileDocuments([{ file: 'docs.md', text: markdown }]);
    expect(reading.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const after = await canonicalSchema(reading.schema, new Map([['docs.md', markdown]]));
    expect(after.diagnostics).toEqual([]);
    expect(compareSchemas(before.schema, after.schema)).toEqual([]);
    written.push(path);
  }, 60_000);

  it('covers the seeds that run and most of the corpus', () => {
    expect(written.filter((p) => p.includes('/seeds/')).map((p) => p.split('/').pop()!.slice(0, 3))).toEqual(['000', '001', '002', '003']);
    expect(written.length).toBeGreaterThanOrEqual(25);
  });
});

describe('docs --split → read is the same schema', () => {
  it.each([`${REALSQL_DIR}pagila.sql`, ...allSeeds().slice(0, 3)])('%s', async (path) => {
    const before = await canonicalOf(path, readFileSync(path, 'utf8'));
    const files = markdownFiles(before.schema, { source: path });
    expect(files[0]!.path).toBe('README.md');
    expect(files.length).toBe(before.schema.tables.length + 1);
    const inputs = files.map((f) => ({ file: f.path, text: f.text }));
    const reading = await compileDocuments(inputs);
    expect(reading.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const after = await canonicalSchema(reading.schema, new Map(inputs.map((i) => [i.file, i.text])));
    expect(after.diagnostics).toEqual([]);
    expect(compareSchemas(before.schema, after.schema)).toEqual([]);
  }, 60_000);
});

describe('the document', () => {
  it('has a diagram, a table of columns per table, its other definitions and the SQL', async () => {
    const { schema } = await canonicalOf('t.md', sqlDoc(`
      CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL);
      COMMENT ON TABLE author IS 'who writes';
      CREATE TABLE book (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author_id int NOT NULL REFERENCES author ON DELETE CASCADE, title varchar(200), CHECK (length(title) > 0));
      CREATE INDEX book_title ON book (lower(title));`));
    const markdown = markdownDocument(schema, { title: 'Books' });
    expect(markdown).toMatch(/^# Books\n/);
    expect(markdown).toContain('```mermaid\nerDiagram\n    %% drawn by schemadoc from the SQL of this document\n    author {\n        serial id PK\n        text name\n    }');
    expect(markdown).toContain('    author ||--o{ book : "author_id"');
    expect(markdown).toContain('### author\n\nwho writes\n\n| Column | Type | Nullable | Default | Constraints | References | Description |');
    // A serial column is written as serial, not as its sequence and default.
    expect(markdown).toContain('| id | serial | NO |   | PRIMARY KEY |   |   |');
    expect(markdown).toContain('| author_id | integer | NO |   |   | author(id) ON DELETE CASCADE |   |');
    expect(markdown).toContain('| book_title | CREATE INDEX book_title ON public.book USING btree (lower((title)::text)) |');
    expect(markdown).toContain("COMMENT ON TABLE public.author IS 'who writes';");
    expect(markdown).not.toContain('CREATE SEQUENCE');
  });

  it("writes what the document's prose says of a table and a column where no comment says it", async () => {
    const text = '# Shop\n\n### users\n\nEveryone who has bought from the shop at least once.\n\n| Column | Type | Description |\n|---|---|---|\n| id | bigint | PK |\n| email | text | Where receipts are sent |\n| name | text | |\n';
    const { schema } = await canonicalOf('shop.md', text);
    const markdown = markdownDocument(schema);
    expect(markdown).toContain('### users\n\nEveryone who has bought from the shop at least once.\n\n');
    expect(markdown).toContain('| email | text | YES |   |   |   | Where receipts are sent |');
    expect(markdown).toContain('| id | bigint | NO |   | PRIMARY KEY |   |   |');
    const back = await compileDocuments([{ file: 'docs.md', text: markdown }]);
    expect(back.schema.tables[0]!.columns.find((c) => c.name === 'email')!.description).toBe('Where receipts are sent');
    expect(back.schema.tables[0]!.description).toBe('Everyone who has bought from the shop at least once.');
  });

  it('makes a view that reads itself as a stand-in first, then replaces it; and keeps PUBLIC\'s EXECUTE on a function named by a keyword', async () => {
    const text = sqlDoc('CREATE TABLE t (id int);\nCREATE VIEW v AS SELECT id FROM t;\nCREATE OR REPLACE VIEW v AS SELECT id FROM v;\nCREATE FUNCTION "json"(integer) RETURNS json LANGUAGE sql AS $$ SELECT to_json($1) $$;');
    const before = await canonicalOf('v.md', text);
    const markdown = markdownDocument(before.schema);
    expect(markdown).toContain('CREATE VIEW public.v AS SELECT NULL::integer AS id;\nCREATE OR REPLACE VIEW public.v AS');
    expect(markdown).not.toContain('REVOKE');
    const reading = await compileDocuments([{ file: 'docs.md', text: markdown }]);
    const after = await canonicalSchema(reading.schema, new Map([['docs.md', markdown]]));
    expect(after.diagnostics).toEqual([]);
    expect(compareSchemas(before.schema, after.schema)).toEqual([]);
  });

  it('draws a schema too large for one diagram in parts, none larger than the limit', async () => {
    const tables = Array.from({ length: 6 }, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, name text, t${(i + 5) % 6}_id int REFERENCES t${(i + 5) % 6});`);
    const { schema } = await canonicalOf('t.md', sqlDoc(tables.join('\n').replace(/REFERENCES t5\);$/m, ');')));
    const parts = diagrams(schema, 200);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((d) => d.text.length <= 200 && d.schema === 'public' && d.parts === parts.length)).toBe(true);
    expect(parts.flatMap((d) => [...d.text.matchAll(/^    (t\d) \{$/gm)].map((m) => m[1])).sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    expect(markdownDocument(schema, { diagramLimit: 200 })).toContain('### Schema public, part 1 of');
  });

  it('names tables as SQL names them, and reads odd names back as the same tables', async () => {
    const text = sqlDoc('CREATE SCHEMA "Odd ""x"" -"; CREATE TABLE "Odd ""x"" -"."My Table" (id int PRIMARY KEY, "Full Name" text);');
    const before = await canonicalOf('t.md', text);
    const markdown = markdownDocument(before.schema);
    expect(markdown).toContain('### "Odd ""x"" -"."My Table"');
    const reading = await compile(markdown, 'docs.md');
    expect(reading.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const after = await canonicalSchema(reading.schema, new Map([['docs.md', markdown]]));
    expect(compareSchemas(before.schema, after.schema)).toEqual([]);
  });

  it('draws one diagram per schema above the size limit, and says so', async () => {
    const { schema } = await canonicalOf('t.md', sqlDoc('CREATE SCHEMA billing; CREATE TABLE account (id int PRIMARY KEY); CREATE TABLE billing.invoice (id int PRIMARY KEY, account_id int REFERENCES account);'));
    expect(diagrams(schema)).toHaveLength(1);
    expect(diagrams(schema, 150).map((d) => d.schema)).toEqual(['billing', 'public']);
    const markdown = markdownDocument(schema, { diagramLimit: 150 });
    expect(markdown).toContain('one diagram per schema');
    expect(markdown).toContain('billing__invoice["billing.invoice"] {');
    // Read back, the aliased entity is the table in its schema.
    const reading = await compile(markdown, 'docs.md');
    expect(reading.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(reading.schema.tables.map((t) => `${t.schema ?? 'public'}.${t.name}`).sort()).toEqual(['billing.invoice', 'public.account']);
  });
});
