import { describe, expect, it } from 'vitest';
import { compile, readSeed, seedPath } from '../helpers/documents.js';

describe('pseudo-SQL and prose facts', () => {
  it('reads POLICY … under a table heading as a policy on that table, and says it is not SQL', async () => {
    const doc = '# D\n\n```sql\nCREATE TABLE accounts (id int, owner uuid);\n```\n\n#### Accounts Table\n\n```sql\n-- own rows\nPOLICY "own rows"\n  FOR SELECT USING (auth.uid() = owner)\n\nPOLICY "own updates"\n  FOR UPDATE USING (auth.uid() = owner) WITH CHECK (auth.uid() = owner)\n```\n';
    const { schema, diagnostics } = await compile(doc);
    expect(schema.policies.map((p) => [p.name, p.table.name, p.command, p.using, p.withCheck])).toEqual([
      ['own rows', 'accounts', 'select', 'auth.uid() = owner', undefined],
      ['own updates', 'accounts', 'update', 'auth.uid() = owner', 'auth.uid() = owner'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['SD105', 11], ['SD105', 14]]);
    expect(diagnostics[0]!.fix).toBe('CREATE POLICY "own rows" ON accounts FOR SELECT USING (auth.uid() = owner);');
  });

  it('keeps a bare condition in an SQL block as an example', async () => {
    const { schema, diagnostics } = await compile('# D\n\n```sql\nCREATE TABLE t (a int);\n```\n\n```sql\n-- pattern\nauth.uid() = user_id\n```\n');
    expect(schema.examples).toEqual([expect.objectContaining({ sql: 'auth.uid() = user_id', statementKind: 'expression' })]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SD106', severity: 'info', span: expect.objectContaining({ line: 9 }) })]);
  });

  it('records functions described only by their signature, and leaves out a policy that calls one', async () => {
    const doc = `# D\n\n\`\`\`sql\nCREATE TABLE t (id int);\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE POLICY admins ON t USING (public.is_admin());\nCREATE POLICY all_rows ON t USING (true);\n\`\`\`\n\n#### \`public.is_admin()\`\nChecks the JWT.\n\n- \`public.tier_of(user_id uuid)\` - returns the tier\n`;
    const { schema, diagnostics } = await compile(doc);
    expect(schema.declaredFunctions.map((f) => f.signature)).toEqual(['public.is_admin()', 'public.tier_of(user_id uuid)']);
    expect(schema.policies.map((p) => p.name)).toEqual(['all_rows']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.line])).toEqual([
      ['SD224', 'warning', 6], ['SD225', 'info', 10], ['SD225', 'info', 13],
    ]);
  });

  it('enables row-level security on every table when the document says so', async () => {
    const doc = '# D\n\n- **Security**: Row Level Security (RLS) enabled on all tables\n\n```sql\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n```\n';
    const { schema, diagnostics } = await compile(doc);
    expect(schema.tables.map((t) => t.rowLevelSecurity)).toEqual([true, true]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SD211', severity: 'info', span: expect.objectContaining({ line: 3 }) })]);
  });

  it("reports seed 001's placeholders with their lines, never as tables", async () => {
    const { schema, diagnostics } = await compile(readSeed('001'), seedPath('001'));
    expect(schema.tables.map((t) => t.name)).toEqual(['users']);
    expect(schema.enums.map((e) => e.name)).toEqual(['user_status']);
    const placeholders = diagnostics.filter((d) => d.code === 'SD130');
    expect(placeholders.map((d) => d.message.replace('placeholder left from a template: ', ''))).toEqual(expect.arrayContaining([
      '[PostgreSQL/MySQL/SQLite/MongoDB]', '[Specify version]', '[Add your domain-specific tables here]', '[related_table]', '[Specify retention policy]',
    ]));
    const lines = readSeed('001').split('\n');
    for (const d of placeholders) expect(lines[d.span!.line - 1]!.slice(d.span!.column - 1)).toMatch(/^\[/);
  });

  it('finds curly and your-… placeholders, and not naming patterns in code spans', async () => {
    const doc = '# D\n\nGenerated on {date} for your-project-ref.\n\nForeign keys follow the pattern `{table_name}_id`.\n\n```sql\nCREATE TABLE t (a int);\n```\n';
    const { diagnostics } = await compile(doc);
    expect(diagnostics.map((d) => [d.message, d.span?.line, d.span?.column])).toEqual([
      ['placeholder left from a template: {date}', 3, 14],
      ['placeholder left from a template: your-project-ref', 3, 25],
    ]);
  });

  it('keeps a query with named parameters as an example', async () => {
    const { schema, diagnostics } = await compile('# D\n\n```sql\nCREATE TABLE books (id int, store_id int);\n```\n\n```sql\nSELECT * FROM books\nWHERE store_id = :store_id AND id::text = :id;\n```\n');
    expect(schema.examples).toEqual([expect.objectContaining({ statementKind: 'SelectStmt', sql: 'SELECT * FROM books\nWHERE store_id = :store_id AND id::text = :id' })]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SD108', message: expect.stringContaining(':store_id, :id') })]);
  });
});
