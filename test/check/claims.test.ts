// What the prose promises, checked against the schema: each finding at the sentence or
// cell, with the tables that contradict it; prose it cannot read claims nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { readSeed, seedPath } from '../helpers/documents.js';

afterAll(closeScratchDatabases);

const CLAIMS = ['SD606', 'SD607', 'SD608', 'SD609', 'SD610'];
const schema = `\`\`\`sql
CREATE TABLE author (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE book (id bigint PRIMARY KEY, author_id bigint NOT NULL REFERENCES author (id) ON DELETE CASCADE);
CREATE INDEX ON book (author_id);
\`\`\``;
async function claims(prose: string, sql = schema) {
  const text = `# Library\n\n${prose}\n\n${sql}\n`;
  const { diagnostics } = await checkDocuments([{ file: 'doc.md', text }], { execute: false });
  return diagnostics.filter((d) => CLAIMS.includes(d.code));
}

describe('claims of the prose', () => {
  it('"present on all tables": the tables that lack the columns, at the sentence', async () => {
    const [found, ...rest] = await claims('- Audit: `created_at` is present on all tables');
    expect(rest).toEqual([]);
    expect(found!.code).toBe('SD606');
    expect(found!.span!.line).toBe(3);
    expect(found!.message).toBe('the document says every table has created_at, but 1 of 2 tables do not: book (no created_at)');
    expect(found!.related!.map((r) => r.message)).toEqual(['book has no created_at']);
    expect(await claims('Every table has a created_at column.', schema.replace('ON DELETE CASCADE)', 'ON DELETE CASCADE, created_at timestamptz)'))).toEqual([]);
  });

  it('names that are no column are not a claim about columns', async () => {
    expect(await claims('All tables live in the `public_data` schema.')).toEqual([]);
    expect(await claims('Not all tables have `created_at`.')).toEqual([]);
  });

  it('"row-level security is applied" in a schema without a policy', async () => {
    const found = await claims('3. **Row-Level Security**: Applied where necessary');
    expect(found.map((d) => `${d.code}:${d.span!.line}`)).toEqual(['SD607:3']);
    expect(await claims('- Implement row-level security where needed')).toEqual([]);
    const withPolicy = `${schema}\n\n\`\`\`sql\nALTER TABLE book ENABLE ROW LEVEL SECURITY;\nCREATE POLICY readers ON book FOR SELECT USING (true);\n\`\`\``;
    expect(await claims('RLS is enforced.', withPolicy)).toEqual([]);
  });

  it('a stated number of tables other than the number defined', async () => {
    const [found] = await claims('The schema consists of three tables.');
    expect(found!.code).toBe('SD608');
    expect(found!.message).toBe('the document says it has 3 tables, but it defines 2: author, book');
    expect(await claims('The schema consists of 2 tables.')).toEqual([]);
    expect(await claims('A join of three tables is slow.')).toEqual([]);
  });

  it('an RLS summary row that grants access no policy provides, at its cell', async () => {
    const sql = `${schema}\n\n\`\`\`sql\nALTER TABLE book ENABLE ROW LEVEL SECURITY;\nCREATE POLICY readers ON book FOR SELECT USING (true);\n\`\`\``;
    const table = '| Table | SELECT | INSERT | UPDATE | DELETE |\n|---|---|---|---|---|\n| `book` | Own | Own | Service | - |\n| author | - | - | - | - |';
    const found = await claims(table, sql);
    expect(found.map((d) => `${d.code}:${d.span!.line}:${d.span!.column}`)).toEqual(['SD609:5:18']);
    expect(found[0]!.message).toBe('the RLS summary gives book INSERT access (Own), but no policy on book is FOR INSERT or FOR ALL: PostgreSQL refuses INSERT to every role but the owner');
    const all = sql.replace('FOR SELECT', 'FOR ALL');
    expect(await claims(table, all)).toEqual([]);
  });

  it('what deleting a row does: a sentence, a relationships table, an item under an A → B heading', async () => {
    const blocking = schema.replace(' ON DELETE CASCADE', '');
    const sentence = await claims('Deleting an author cascades to all their books.', blocking);
    expect(sentence.map((d) => `${d.code}:${d.span!.line}`)).toEqual(['SD610:3']);
    expect(sentence[0]!.message).toBe('the document says deleting a author row does ON DELETE CASCADE to book, but the foreign key book(author_id) → author says nothing (NO ACTION: the delete is refused)');
    expect(sentence[0]!.related![0]!.span.line).toBe(7);
    const table = '| Parent | Child | Type | On Delete |\n|---|---|---|---|\n| Author | Book (author_id) | 1 : ∞ | SET NULL |\n| Author | Book | 1 : ∞ | RESTRICT |';
    expect((await claims(table, blocking)).map((d) => `${d.code}:${d.span!.line}:${d.span!.column}`)).toEqual(['SD610:5:39']);
    const french = '### 1. author → book (1:N)\n\n- Un auteur écrit plusieurs livres\n- **ON DELETE CASCADE** : Quand un auteur est supprimé, ses livres sont supprimés';
    expect((await claims(french, blocking)).map((d) => `${d.code}:${d.span!.line}`)).toEqual(['SD610:6']);
    expect(await claims(french)).toEqual([]);
    expect(await claims('Deleting an author cascades to all their books.')).toEqual([]);
  });

  it('seed 000: the false "on all tables" sentence and RLS "applied where necessary", at their lines', async () => {
    const { diagnostics } = await checkDocuments([{ file: seedPath('000'), text: readSeed('000') }], { execute: false });
    const found = diagnostics.filter((d) => CLAIMS.includes(d.code)).map((d) => `${d.code}:${d.span!.line}`);
    expect(found.sort()).toEqual(['SD606:641', 'SD607:640']);
    const sd606 = diagnostics.find((d) => d.code === 'SD606')!;
    expect(sd606.message).toMatch(/^the document says every table has created_at and updated_at, but 9 of 21 tables do not: deal_tag \(no updated_at\)/);
  });

  it('seed 002: the three policies its RLS summary promises and never defines', async () => {
    const { diagnostics } = await checkDocuments([{ file: seedPath('002'), text: readSeed('002') }], { execute: false });
    const found = diagnostics.filter((d) => d.code === 'SD609').map((d) => `${d.span!.line} ${d.message.split(',')[0]}`);
    expect(found).toEqual([
      '309 the RLS summary gives users INSERT access (Own)',
      '313 the RLS summary gives api_usage SELECT access (Own)',
      '315 the RLS summary gives audit_log SELECT access (Own)',
    ]);
  });
});
