import { describe, expect, it } from 'vitest';
import { emitSql } from '../../src/pg/emit.js';
import { compile } from '../helpers/documents.js';

const table = (heading: string, header: string, rows: string[], after = '') =>
  `# Doc\n\n${heading}\n\n${header}\n|${header.split('|').slice(1, -1).map(() => '---').join('|')}|\n${rows.join('\n')}\n${after}`;

describe('column tables', () => {
  it('reads a Column | Type | Constraints | Description table under a numbered heading', async () => {
    const { schema, diagnostics } = await compile(table('#### 2. twitter_accounts', '| Column | Type | Constraints | Description |', [
      '| id | UUID | PRIMARY KEY, DEFAULT gen_random_uuid() | Account id |',
      '| handle | VARCHAR(255) | NOT NULL, UNIQUE | Handle |',
      '| scopes | TEXT[] | NOT NULL, DEFAULT \'{}\' | Scopes |',
      '| price | DECIMAL(15,2) | CHECK > 0 | Price |',
      '| status_code | INTEGER | NOT NULL, CHECK 100-599 | HTTP status |',
    ]));
    expect(diagnostics).toEqual([]);
    const [t] = schema.tables;
    expect(t).toMatchObject({ name: 'twitter_accounts', spans: [expect.objectContaining({ line: 5, source: 'column-table' })] });
    expect(t!.columns.map((c) => [c.name, c.type.sql, c.notNull, c.default])).toEqual([
      ['id', 'uuid', true, 'gen_random_uuid()'],
      ['handle', 'varchar(255)', true, undefined],
      ['scopes', 'text[]', true, "'{}'"],
      ['price', 'numeric(15, 2)', false, undefined],
      ['status_code', 'int', true, undefined],
    ]);
    expect(t!.columns[1]!.spans[0]).toMatchObject({ line: 8, column: 3 });
    expect(t!.constraints.map((c) => [c.kind, c.columns, c.expression])).toEqual([
      ['primary key', ['id'], undefined],
      ['unique', ['handle'], undefined],
      ['check', ['price'], 'price > 0'],
      ['check', ['status_code'], 'status_code BETWEEN 100 AND 599'],
    ]);
  });

  it('reads headers in any order and case, with Nullable, Default, References and Key columns', async () => {
    const { schema } = await compile(table('### 👤 User Entity', '| type | FIELD | Key | Nullable | Default | References | Notes |', [
      '| uuid | id | PK | no | | | |',
      '| uuid | org_id | FK | yes | | orgs(id) | |',
      '| text | status | | no | active | | |',
    ], '\n### orgs\n\n| Column | Type |\n|---|---|\n| id | uuid |\n'));
    const user = schema.tables.find((t) => t.name === 'user')!;
    expect(user.columns.map((c) => [c.name, c.notNull, c.default])).toEqual([['id', true, undefined], ['org_id', false, undefined], ['status', true, "'active'"]]);
    expect(user.constraints).toContainEqual(expect.objectContaining({ kind: 'foreign key', columns: ['org_id'], references: { name: 'orgs', columns: ['id'] } }));
  });

  it('reads the foreign-key vocabulary people write', async () => {
    const { schema } = await compile(table('### a', '| Column | Type | Constraints | Description |', [
      '| p | UUID | FK to parents | |',
      '| q | UUID | FK → parents.id | |',
      '| r | UUID | REFERENCES parents(id) ON DELETE CASCADE | |',
      '| s | UUID | FK to parents (SET NULL) | |',
      '| t | UUID | FOREIGN KEY | Reference to parents.id |',
      '| u | UUID | FK to auth.users | |',
    ], '\n### parents\n\n| Column | Type |\n|---|---|\n| id | uuid |\n'));
    const fks = schema.tables[0]!.constraints.map((c) => [c.columns[0], c.references?.schema, c.references?.name, c.references?.columns, c.onDelete]);
    expect(fks).toEqual([
      ['p', undefined, 'parents', [], undefined],
      ['q', undefined, 'parents', ['id'], undefined],
      ['r', undefined, 'parents', ['id'], 'cascade'],
      ['s', undefined, 'parents', [], 'set null'],
      ['t', undefined, 'parents', ['id'], undefined],
      ['u', 'auth', 'users', [], undefined],
    ]);
  });

  it('turns value lists in the description or in a list below the table into CHECK … IN', async () => {
    const { schema, diagnostics } = await compile(table('### subscriptions', '| Column | Type | Constraints | Description |', [
      "| tier | TEXT | NOT NULL, CHECK | Tier: 'basic', 'pro', 'inactive' |",
      '| kind | TEXT | NOT NULL, CHECK | Type: a few kinds |',
      '| method | TEXT | CHECK | HTTP method |',
    ], '\n**Kinds**:\n- `small`: small ones\n- `large`: large ones\n'));
    expect(schema.tables[0]!.constraints.map((c) => c.expression)).toEqual([
      "tier IN ('basic', 'pro', 'inactive')",
      "kind IN ('small', 'large')",
    ]);
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['SD120', 8], ['SD121', 9]]);
  });

  it('maps documentation types to PostgreSQL types, with an info', async () => {
    const { schema, diagnostics } = await compile(table('### t', '| Name | Type |', ['| a | string |', '| b | datetime |', '| c | int |', '| d | string[] |']));
    expect(schema.tables[0]!.columns.map((c) => c.type.sql)).toEqual(['text', 'timestamp', 'int', 'text[]']);
    expect(diagnostics.map((d) => d.code)).toEqual(['SD110', 'SD110', 'SD110']);
  });

  it('reads tbls output', async () => {
    const doc = `# users\n\n## Columns\n\n| Name | Type | Default | Nullable | Children | Parents | Comment |\n| ---- | ---- | ------- | -------- | -------- | ------- | ------- |
| id | bigint | nextval('users_id_seq'::regclass) | false | [posts](posts.md) |  |  |
| team_id | bigint |  | true |  | [teams](teams.md) |  |\n\n# teams\n\n| Name | Type | Nullable |\n|---|---|---|\n| id | bigint | false |\n`;
    const { schema } = await compile(doc);
    expect(schema.tables.map((t) => t.name)).toEqual(['users', 'teams']);
  });

  it('names a table from a **Table: name** label', async () => {
    const { schema } = await compile('# Doc\n\n**Table: orders**\n\n| Field | Data Type |\n|---|---|\n| id | serial |\n');
    expect(schema.tables[0]!.name).toBe('orders');
  });

  it('leaves SQL to win over a column table of the same table', async () => {
    const doc = `# D\n\n### users\n\n\`\`\`sql\nCREATE TABLE users (id bigint PRIMARY KEY);\n\`\`\`\n\n| Column | Type |\n|---|---|\n| id | uuid |\n`;
    const { schema } = await compile(doc);
    expect(schema.tables).toHaveLength(1);
    expect(schema.tables[0]!.columns[0]!.type.sql).toBe('bigint');
    expect(schema.tables[0]!.spans.map((s) => s.source)).toEqual(['sql', 'column-table']);
  });

  it('emits SQL that a column table means', async () => {
    const { schema } = await compile(table('### t', '| Column | Type | Constraints |', ['| id | BIGSERIAL | PRIMARY KEY |', '| "userId" | INT | NOT NULL |']));
    expect(emitSql(schema)).toBe('CREATE TABLE t (\n  id bigserial NOT NULL,\n  "userId" int NOT NULL,\n  PRIMARY KEY (id)\n);\n');
  });

  it('reads headers in other languages, ORM type names with lengths, value lists and parenthesised targets', async () => {
    const doc = table('### matches', '| Поле | Тип | Ограничения | Описание |', [
      '| id | UUID | PK | Идентификатор |',
      '| winner | INT | NULL, CHECK (0, 1, 2) | 0 = ничья |',
      '| title | String(150) | NOT NULL | |',
      "| kind | TEXT | CHECK IN ('a', 'b') | |",
      '| game_id | UUID | `FOREIGN KEY (GAMES.id)` | |',
      '| note | TEXT | NOT NULL (free text) | |',
    ], '\n### games\n\n| Column | Type |\n|---|---|\n| id | uuid |\n');
    const { schema, diagnostics } = await compile(doc);
    const t = schema.tables[0]!;
    expect(t.columns.map((c) => [c.name, c.type.sql, c.notNull])).toEqual([
      ['id', 'uuid', true], ['winner', 'int', false], ['title', 'varchar(150)', true], ['kind', 'text', false], ['game_id', 'uuid', false], ['note', 'text', true],
    ]);
    expect(t.constraints.map((c) => c.expression ?? `${c.kind} ${c.references?.name ?? ''}`.trim())).toEqual([
      'primary key', 'winner IN (0, 1, 2)', "kind IN ('a', 'b')", 'foreign key games',
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['SD110']);
  });

  it('repairs a reference to a table written in another case or number, and says so', async () => {
    const doc = table('### shift_details', '| Column | Type | Constraints |', ['| id | int | PK |', '| parent_id | int | FK → ShiftDetails |']);
    const { schema, diagnostics } = await compile(doc);
    expect(schema.tables[0]!.constraints[1]!.references).toMatchObject({ name: 'shift_details' });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SD226', severity: 'warning', message: expect.stringContaining('refers to table shiftdetails; read as shift_details') })]);
  });

  it('reads keys from the description when there is no constraints column, and ORM field types', async () => {
    const doc = `# D\n\n### users\n\n| Campo | Tipo | Descripción |\n|---|---|---|
| id | Integer | Identificador único (PK) |\n| email | String | Correo (único) |\n| role_id | Long | FK -> roles.id |
\n### roles\n\n| Column | Type | Description |\n|---|---|---|\n| id | BigAutoField | Primary key, auto-increment |\n| created | LocalDateTime | |\n`;
    const { schema } = await compile(doc);
    const users = schema.tables.find((t) => t.name === 'users')!;
    expect(users.columns.map((c) => c.type.sql)).toEqual(['int', 'text', 'bigint']);
    expect(users.constraints.map((c) => [c.kind, c.columns, c.references?.name])).toEqual([
      ['primary key', ['id'], undefined], ['unique', ['email'], undefined], ['foreign key', ['role_id'], 'roles'],
    ]);
    expect(schema.tables.find((t) => t.name === 'roles')!.columns.map((c) => [c.type.sql, c.identity])).toEqual([['bigserial', 'by default'], ['timestamp', undefined]]);
  });

  it('reads Django model tables: the table named in the heading, references to models, many-to-many fields left out', async () => {
    const doc = `# D\n\n### \`Post\` (table: \`blog_post\`)\n\n| Field | Type | Constraints |\n|---|---|---|
| \`id\` | BigAutoField | PK |\n| \`author_id\` | FK → \`Author\` | on_delete=CASCADE, db_index |\n| \`parent_id\` | FK → \`Post\` (self) | null, blank |\n| \`likes\` | ManyToManyField → \`Author\` | blank |
\n### \`Author\` (table: \`blog_author\`)\n\n| Field | Type | Constraints |\n|---|---|---|\n| \`id\` | BigAutoField | PK |\n`;
    const { schema, diagnostics } = await compile(doc);
    const post = schema.tables.find((t) => t.name === 'blog_post')!;
    expect(post.columns.map((c) => c.name)).toEqual(['id', 'author_id', 'parent_id']);
    expect(post.constraints.filter((c) => c.kind === 'foreign key').map((c) => [c.columns[0], c.references!.name, c.onDelete])).toEqual([
      ['author_id', 'blog_author', 'cascade'], ['parent_id', 'blog_post', undefined],
    ]);
    expect(schema.indexes.map((i) => i.keys[0]!.column)).toEqual(['author_id']);
    expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['SD226', 'SD226']);
  });

  it('reads a table of relationships as foreign keys', async () => {
    const doc = table('### users', '| Column | Type | Constraints |', ['| id | int | PK |', '| role_id | int | |'],
      '\n### roles\n\n| Column | Type | Constraints |\n|---|---|---|\n| id | int | PK |\n\n## Relationships\n\n| From Table | Column | To Table | Column |\n|---|---|---|---|\n| users | role_id | roles | id |\n');
    const { schema } = await compile(doc);
    expect(schema.tables[0]!.constraints.filter((c) => c.kind === 'foreign key')).toEqual([
      expect.objectContaining({ columns: ['role_id'], references: { name: 'roles', columns: ['id'] }, spans: [expect.objectContaining({ line: 20 })] }),
    ]);
  });
});

describe('tables that are not tables of columns', () => {
  it('leaves tbls constraint lists (Name | Type | Definition) to the SQL beside them', async () => {
    const { schema, diagnostics } = await compile(`# posts

\`\`\`sql
CREATE TABLE posts (id int PRIMARY KEY, body text NOT NULL);
\`\`\`

## Columns

| Name | Type | Default | Nullable |
| ---- | ---- | ------- | -------- |
| id | int |  | false |
| body | text |  | false |

## Constraints

| Name | Type | Definition |
| ---- | ---- | ---------- |
| PRIMARY | PRIMARY KEY | PRIMARY KEY (id) |
`);
    expect(diagnostics.filter((d) => /PRIMARY|Definition/.test(d.message))).toEqual([]);
    expect(schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => c.name).join(', ')}`)).toEqual(['posts: id, body']);
  });

  it('never changes a name silently: a quoted name is kept, another is reported with what was made of it', async () => {
    const { schema, diagnostics } = await compile(table('### orders', '| column | type | default |', [
      '| id (PK) | int | |',
      '| "quoted name" | text | |',
      '| my col; drop | text | |',
      "| it's | text | |",
      "| status | text | 'x'); DROP TABLE users; -- |",
    ], '\n### order; DROP TABLE users; --\n\n| column | type |\n|---|---|\n| id | int |\n'));
    expect(schema.tables.map((t) => t.name)).toEqual(['orders']);
    expect(schema.tables[0]!.columns.map((c) => [c.name, c.default])).toEqual([
      ['id', undefined], ['quoted name', undefined], ['my', undefined], ['it', undefined], ['status', undefined],
    ]);
    expect(diagnostics.map((d) => `${d.code} ${d.span?.line} ${d.message}`)).toEqual([
      'SD122 9 the name `my col; drop` is not one identifier: read as column my, leaving out `col; drop`',
      "SD122 10 the name `it's` is not one identifier: read as column it, leaving out `'s`",
      'SD114 11 not understood in column status: "DEFAULT \'x\')", "DROP TABLE users", "--"',
      'SD119 15 a table of columns under the heading `order; DROP TABLE users; --`, which is not a table name (a name, or a **Table: name** label above the table); it is left out',
    ]);
  });

  it('reads a generated SQL Server page: the [dbo].[name] title under its icon, key icons, Nullability and Identity', async () => {
    const { schema, diagnostics } = await compile(`# ![Tables](../Images/Table32.png) [dbo].[Loads]

| Key | Name | Data Type | Max Length (Bytes) | Nullability | Identity |
|---|---|---|---|---|---|
| [![Cluster Primary Key PK_Loads: Id](../Images/pkcluster.png)](#indexes) | Id | bigint | 8 | NOT NULL | 1 - 1 |
|  | EffectiveDate | date | 3 | NULL allowed |  |
|  | Shift | varchar(100) | 100 | NOT NULL |  |
`);
    expect(diagnostics).toEqual([]);
    const loads = schema.tables[0]!;
    expect(loads.name).toBe('loads');
    expect(loads.columns.map((c) => `${c.name} ${c.type.sql}${c.notNull ? ' not null' : ''}${c.identity ? ' identity' : ''}`)).toEqual([
      'Id bigint not null identity', 'EffectiveDate date', 'Shift varchar(100) not null',
    ]);
    expect(loads.constraints).toMatchObject([{ kind: 'primary key', columns: ['Id'] }]);
  });
});
