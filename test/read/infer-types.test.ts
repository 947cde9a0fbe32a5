// Documents that name columns but give no types: one finding that says so, or with
// --infer-types a draft whose every guessed type is a warning at its line.
import { describe, expect, it } from 'vitest';
import { compileDocuments } from '../../src/compile.js';
import { prepareReaders } from '../../src/read/document.js';
import { documentIn, runner, workDirectory } from '../helpers/cli.js';

const list = '# App\n\n# 1. users\n- id\n- name\n- is_admin\n- created_at\n\n# 2. posts\n- id\n- user_id\n- title\n';
const table = '# App\n\n### `binder`\n\n| Column | Notes |\n|---|---|\n| `id` | `binder-{hex}` |\n| `name`, `layout` | Free text. |\n';
const read = async (text: string, inferTypes = false) => {
  await prepareReaders();
  return compileDocuments([{ file: 'doc.md', text, ...(inferTypes ? { inferTypes } : {}) }]);
};

describe('names without types', () => {
  it('without --infer-types: one finding per list or table, and SD100 says what is missing', async () => {
    const { schema, diagnostics } = await read(list);
    expect(schema.tables).toEqual([]);
    expect(diagnostics.map((d) => `${d.code}:${d.span!.line}`)).toEqual(['SD125:4', 'SD125:10', 'SD100:1']);
    expect(diagnostics[0]!.message).toBe('users is described by its column names (id, name, is_admin, created_at) but no types, so schemadoc creates no table from it');
    expect(diagnostics[2]!.message).toMatch(/names tables and their columns but no types .*--infer-types/);
    expect((await read(table)).diagnostics.map((d) => d.code)).toEqual(['SD125', 'SD100']);
  });

  it('with --infer-types: a draft, with the types guessed from the names, each a warning at its line', async () => {
    const { schema, diagnostics } = await read(list, true);
    expect(schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => `${c.name} ${c.type.sql}`).join(', ')}`)).toEqual([
      'users: id bigint, name text, is_admin boolean, created_at timestamptz', 'posts: id bigint, user_id bigint, title text',
    ]);
    expect(schema.tables[0]!.constraints.map((c) => c.kind)).toEqual(['primary key']);
    expect(diagnostics.filter((d) => d.code === 'SD126').map((d) => d.span!.line)).toEqual([4, 5, 6, 7, 10, 11, 12]);
    const drafted = await read(table, true);
    expect(drafted.schema.tables[0]!.columns.map((c) => c.name)).toEqual(['id', 'name', 'layout']);
  });

  it('a `name` — description heading names the table; keys in the notes are read, constraint rows left to the table', async () => {
    const doc = '# App\n\n### `binder` — physical binder\n\n| Column | Notes |\n|---|---|\n| `id` | `binder-{hex}` |\n| `name` | Free text. |\n\n'
      + '### `page` — one page of a binder\n\n| Column | Notes |\n|---|---|\n| `id` | |\n| `binder_id` | FK → `binder.id` (CASCADE). |\n| `number` | 1-indexed. |\n| `(binder_id, number)` | UNIQUE. |\n';
    const { schema } = await read(doc, true);
    expect(schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => c.name).join(', ')}`)).toEqual(['binder: id, name', 'page: id, binder_id, number']);
    expect(schema.tables[1]!.constraints).toContainEqual(expect.objectContaining({ kind: 'foreign key', columns: ['binder_id'], references: expect.objectContaining({ name: 'binder' }), onDelete: 'cascade' }));
  });

  it('reads the boxes of a text diagram side by side, by their corners; a box of a table defined elsewhere is left to it', async () => {
    const diagram = [
      '# App', '', '```', '┌─────────────┐        ┌──────────────┐', '│    Users    │───────→│  Companies   │', '├─────────────┤  N:1   ├──────────────┤',
      '│ id (PK)     │        │ id (PK)      │', '│ email       │        │ name         │', '│ company_id  │        │ size/range   │', '└─────────────┘        │ website      │',
      '                       └──────────────┘', '┌──────────┐', '│  Posts   │', '├──────────┤', '│ id       │', '│ title    │', '└──────────┘', '```', '',
      '```sql', 'CREATE TABLE posts (id int PRIMARY KEY, title text);', '```',
    ].join('\n');
    const { diagnostics } = await read(diagram);
    expect(diagnostics.map((d) => `${d.code}:${d.span!.line}:${d.span!.column}`)).toEqual(['SD125:5:1', 'SD125:5:1', 'SD124:9:26']);
    const { schema } = await read(diagram, true);
    expect(schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => `${c.name} ${c.type.sql}`).join(', ')}`)).toEqual([
      'posts: id int, title text', 'users: id bigint, email text, company_id bigint', 'companies: id bigint, name text, website text',
    ]);
  });

  it('leaves a box to the Mermaid diagram that defines its table with types', async () => {
    const doc = '# App\n\n```\n┌──────────┐\n│  Users   │\n├──────────┤\n│ id (PK)  │\n│ email    │\n└──────────┘\n```\n\n```mermaid\nerDiagram\n  USERS {\n    int id PK\n    text email\n  }\n```\n';
    const { schema, diagnostics } = await read(doc, true);
    expect(diagnostics.filter((d) => d.code.startsWith('SD12'))).toEqual([]);
    expect(schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => `${c.name} ${c.type.sql}`).join(', ')}`)).toEqual(['users: id int, email text']);
  });

  it('reads a table of entities and their attributes (a conceptual model, here in Chinese)', async () => {
    const doc = '# ER 图\n\n| 实体 | 属性 |\n|---|---|\n| **学生** Student | 学号, 姓名, 密码(Bcrypt) |\n| **学院** Department | 院系编号、院系名称 |\n';
    expect((await read(doc)).diagnostics.map((d) => `${d.code}:${d.span!.line}`)).toEqual(['SD125:5', 'SD125:6', 'SD100:1']);
    const { schema } = await read(doc, true);
    expect(schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => c.name).join(', ')}`)).toEqual(['student: 学号, 姓名, 密码', 'department: 院系编号, 院系名称']);
  });

  it('leaves alone a list of words under a heading', async () => {
    const { diagnostics } = await read('# App\n\n## Features\n- search\n- export\n\n```sql\nCREATE TABLE a (id int PRIMARY KEY);\n```\n');
    expect(diagnostics).toEqual([]);
  });
});

describe('--infer-types on the command line', () => {
  const work = workDirectory();
  const schemadoc = runner(work);
  it('check says what is missing; apply --infer-types creates the draft; sql --infer-types prints it', async () => {
    const file = documentIn(work, 'names.md', list);
    const check = await schemadoc(['check', file, '--no-execute']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('warning SD125 users is described by its column names');
    const apply = await schemadoc(['apply', file, '--infer-types', '--data-dir', 'memory://']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toMatch(/Applied .* 2 tables/);
    expect((await schemadoc(['sql', file, '--infer-types'])).stdout).toContain('is_admin boolean');
  }, 60_000);
});
