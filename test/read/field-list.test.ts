// Field lists: a table's columns written as bullets.
import { describe, expect, it } from 'vitest';
import { compile } from '../helpers/documents.js';

const columnsOf = async (text: string) => {
  const { schema, diagnostics } = await compile(text);
  return {
    tables: schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => `${c.name} ${c.type.sql}${c.notNull ? ' NOT NULL' : ''}${c.default ? ` DEFAULT ${c.default}` : ''}${c.identity ? ' IDENTITY' : ''}`).join(', ')}`),
    constraints: schema.tables.flatMap((t) => t.constraints.map((c) => `${t.name} ${c.kind} (${c.columns.join(', ')})${c.references ? ` → ${c.references.name}` : ''}${c.expression ? ` ${c.expression}` : ''}`)),
    diagnostics: diagnostics.map((d) => `${d.code}:${d.span?.line}`),
  };
};

describe('field lists', () => {
  it('after **Fields:**, in the forms people write', async () => {
    const { tables, constraints, diagnostics } = await columnsOf([
      '# Shop', '', '### 1. Account', '', '**Fields:**',
      '- `id` (Integer, Primary Key)',
      '- email: text, unique, not null',
      '- name (String, required, unique)',
      '- price — numeric(10,2), CHECK (price > 0)',
      '- `created_at` timestamptz default now()',
      '- owner_id → account.id (uuid)',
      '- nickname String @unique',
      '- plus the usual audit fields',
    ].join('\n'));
    expect(tables).toEqual([
      'account: id int NOT NULL, email text NOT NULL, name text NOT NULL, price numeric(10, 2), created_at timestamptz DEFAULT now(), owner_id uuid, nickname text',
    ]);
    expect(constraints).toEqual([
      'account primary key (id)', 'account unique (email)', 'account unique (name)', 'account check (price) price > 0',
      'account foreign key (owner_id) → account', 'account unique (nickname)',
    ]);
    // The prose item is reported at its line, not made a column; the ORM type names are infos.
    expect(diagnostics).toContain('SD124:13');
  });

  it('under a table heading when every item is a field; a key that is generated is an integer identity', async () => {
    const { tables } = await columnsOf([
      '# Store', '', '#### `api_product`', 'Stores catalog information.',
      '*   `id` (PK, Auto-increment)', '*   `name` (String, max 100)', '*   `description` (Text, optional)', '*   `price` (Decimal, 10 digits, 2 decimals)',
    ].join('\n'));
    expect(tables).toEqual(['api_product: id int NOT NULL IDENTITY, name varchar(100), description text, price numeric(10, 2)']);
  });

  it('reads a type with its allowed values, and reports the one item of a list under a heading that is prose', async () => {
    const { tables, constraints, diagnostics } = await columnsOf([
      '# Store', '', '#### `api_order`', 'Stores order headers.',
      '*   `id` (PK, Auto-increment)', "*   `status` (String: 'PENDING', 'DONE')", '*   `created_at` (DateTime)', '*   ... (standard audit fields)',
    ].join('\n'));
    expect(tables).toEqual(['api_order: id int NOT NULL IDENTITY, status text, created_at timestamp']);
    expect(constraints).toContain("api_order check (status) status IN ('PENDING', 'DONE')");
    expect(diagnostics).toContain('SD124:8');
  });

  it('leaves alone lists that are prose', async () => {
    const { tables } = await columnsOf(['# Notes', '', '## Users', '', '- Stores user data', '- Deleted after a year', '', '```sql', 'CREATE TABLE users (id int PRIMARY KEY);', '```'].join('\n'));
    expect(tables).toEqual(['users: id int NOT NULL']);
  });

  it('in a code block that holds no SQL (even one labelled sql): each `name:` a table, its items the fields', async () => {
    const { tables, diagnostics } = await columnsOf([
      '# Catalog', '', '```sql', '-- Files', 'fitsFile:', '- fileId (Integer, Primary Key)', '- fileName (Text) -- shown to users', '- fileDate (Date)', '',
      'fitsSession:', '- sessionId (Integer, Primary Key)', '- sessionName (Text)', '```',
    ].join('\n'));
    expect(tables).toEqual(['fits_file: fileId int NOT NULL, fileName text, fileDate date', 'fits_session: sessionId int NOT NULL, sessionName text']);
    expect(diagnostics).toEqual(['SD127:4']);
    const { schema } = await compile('# Catalog\n\n```sql\nfitsFile:\n- fileId (Integer, Primary Key)\n- fileName (Text) -- shown to users\n```\n');
    expect(schema.tables[0]!.columns[1]!.description).toBe('shown to users');
  });

  it('a sql block with SQL in it is SQL, whatever else it holds', async () => {
    const { diagnostics } = await columnsOf(['# Catalog', '', '```sql', 'files:', '- id (Integer)', '- name (Text)', 'CREATE TABLE x (id int);', '```'].join('\n'));
    expect(diagnostics).toContain('SD101:4');
  });
});
