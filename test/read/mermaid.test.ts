import { describe, expect, it } from 'vitest';
import { compile, readSeed, seedPath } from '../helpers/documents.js';

const diagram = (body: string, rest = '') => `# D\n\n\`\`\`mermaid\nerDiagram\n${body}\n\`\`\`\n${rest}`;

describe('mermaid erDiagram', () => {
  it('reads an alias that names a schema as the table in that schema, and its relationships', async () => {
    const { schema } = await compile(diagram(`    account {
        int id PK
    }
    billing__invoice["billing.invoice"] {
        int id PK
        int account_id FK
    }
    account ||--o{ billing__invoice["billing.invoice"] : "account_id"`));
    const invoice = schema.tables.find((t) => t.name === 'invoice')!;
    expect(invoice.schema).toBe('billing');
    expect(invoice.constraints.find((c) => c.kind === 'foreign key')?.references).toMatchObject({ name: 'account' });
  });

  it('passes over a diagram schemadoc drew from the SQL of its document', async () => {
    const { schema } = await compile(diagram(`    %% drawn by schemadoc from the SQL of this document
    account {
        int id PK
    }`));
    expect(schema.tables).toEqual([]);
  });

  it('reads entities, attributes with keys and comments, and relationships of every cardinality', async () => {
    const { schema, diagnostics } = await compile(diagram(`    CUSTOMER ||--o{ ORDER : places
    ORDER }|..|{ LINE_ITEM : contains
    CUSTOMER |o--o| PROFILE : has
    CUSTOMER {
        uuid id PK
        string email UK "login"
        datetime created_at
    }
    ORDER {
        int id PK
        uuid customer_id FK
        decimal(10,2) total
    }
    LINE_ITEM {
        int id PK
        int order_id FK
    }
    PROFILE {
        uuid customer_id PK, FK
    }`));
    const customer = schema.tables.find((t) => t.name === 'customer')!;
    expect(customer.columns.map((c) => [c.name, c.type.sql, c.notNull, c.comment])).toEqual([
      ['id', 'uuid', true, undefined], ['email', 'text', false, 'login'], ['created_at', 'timestamp', false, undefined],
    ]);
    expect(customer.constraints.map((c) => [c.kind, c.columns])).toEqual([['primary key', ['id']], ['unique', ['email']]]);
    expect(customer.spans[0]).toMatchObject({ line: 8, column: 5, source: 'diagram' });
    const fk = (table: string) => schema.tables.find((t) => t.name === table)!.constraints.filter((c) => c.kind === 'foreign key').map((c) => [c.columns[0], c.references!.name]);
    expect(fk('order')).toEqual([['customer_id', 'customer']]);
    expect(fk('line_item')).toEqual([['order_id', 'order']]);
    expect(fk('profile')).toEqual([['customer_id', 'customer']]);
    expect(diagnostics.filter((d) => d.code === 'SD232')).toHaveLength(4);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('matches entities to tables of other representations and reports what differs, at both places', async () => {
    const doc = diagram(`    USER ||--o{ POST : writes
    USER {
        uuid id PK
        string nickname
    }
    POST {
        uuid id PK
        uuid user_id FK
    }`, '\n```sql\nCREATE TABLE users (id uuid PRIMARY KEY, email text);\nCREATE TABLE posts (id uuid PRIMARY KEY, user_id uuid);\n```\n');
    const { schema, diagnostics } = await compile(doc);
    expect(schema.tables.map((t) => [t.name, t.spans.map((s) => s.source)])).toEqual([['users', ['sql', 'diagram']], ['posts', ['sql', 'diagram']]]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.line, d.related?.[0]?.span.line])).toEqual([
      ['SD230', 'info', 6, 17],
      ['SD231', 'warning', 8, 17],
      ['SD234', 'warning', 5, 18],
      ['SD236', 'warning', 12, 18],
    ]);
  });

  it('reports relationships to undefined entities and relationships no column backs', async () => {
    const { diagnostics } = await compile(diagram(`    A ||--o{ B : has
    A ||--o{ GHOST : haunts
    A {
        int id PK
    }
    B {
        int id PK
    }`));
    expect(diagnostics.filter((d) => d.code !== 'SD232').map((d) => [d.code, d.span?.line])).toEqual([['SD235', 5], ['SD233', 6]]);
  });

  it('takes an entity used as an abstract base for inheritance, not a table', async () => {
    const { schema } = await compile(diagram(`    USER ||--|| BASE_ENTITY : "extends base entity"
    USER {
        int id PK
    }
    BASE_ENTITY {
        timestamp created_at
    }`));
    expect(schema.tables.map((t) => t.name)).toEqual(['user']);
  });

  it('seed 003: diagram-only POST and COMMENT, an undefined PERMISSION, and the columns USER leaves out', async () => {
    const { schema, diagnostics } = await compile(readSeed('003'), seedPath('003'));
    expect(schema.tables.map((t) => t.name)).toEqual(['users', 'roles', 'user_roles', 'sessions', 'audit_logs', 'post', 'comment']);
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => [d.severity, d.span?.line, d.message]);
    expect(at('SD232').map(([, line]) => line)).toEqual([31, 42]);
    expect(at('SD233')).toEqual([['warning', 19, expect.stringContaining('PERMISSION')]]);
    expect(at('SD230')).toEqual([['info', 21, expect.stringContaining('phone, is_verified, last_login')]]);
    expect(at('SD243')).toEqual([['info', 14, 'the ER diagram does not show tables sessions, audit_logs']]);
  });

  it('reports a one-to-one relationship whose key is not unique, and comments that name a reference no key makes', async () => {
    const doc = diagram(`    USER ||--|| PROFILE : has
    USER {
        int id PK
    }
    PROFILE {
        int id PK
        int user_id FK
    }`, '\n```sql\nCREATE TABLE audit (id int, actor_id int, -- References users(id)\n  note text);\n```\n');
    const { diagnostics } = await compile(doc);
    expect(diagnostics.filter((d) => d.code === 'SD241' || d.code === 'SD242').map((d) => [d.code, d.span?.line])).toEqual([
      ['SD241', 5], ['SD242', 16],
    ]);
  });

  it('compares defaults, primary keys and foreign keys between two definitions of a table', async () => {
    const doc = '# D\n\n```sql\nCREATE TABLE teams (id int PRIMARY KEY);\nCREATE TABLE users (id int PRIMARY KEY, team_id int, status text DEFAULT \'active\');\n```\n\n### users\n\n| Column | Type | Constraints |\n|---|---|---|\n| id | int | PK |\n| team_id | int | FK to teams |\n| status | text | DEFAULT \'new\' |\n';
    const { diagnostics } = await compile(doc);
    expect(diagnostics.filter((d) => d.code === 'SD238').map((d) => [d.span?.line, d.message.replace(/; schemadoc.*/, '')])).toEqual([
      [13, 'the column-table makes users.team_id a reference to teams (the sql has no foreign key)'],
      [14, "the column-table makes users.status DEFAULT 'new' (the sql says DEFAULT 'active')"],
    ]);
  });

  it('reads entity aliases and quoted names', async () => {
    const { schema } = await compile(diagram(`    p[Person] ||--o{ "ORDER-LINE" : orders
    p[Person] {
        int id PK
    }
    "ORDER-LINE" {
        int id PK
        int person_id FK
    }`));
    expect(schema.tables.map((t) => t.name)).toEqual(['person', 'order_line']);
    expect(schema.tables[1]!.constraints[1]).toMatchObject({ kind: 'foreign key', columns: ['person_id'], references: { name: 'person' } });
  });
});

describe('tbls diagrams', () => {
  it('decode the type names tbls writes with underscores for spaces and parentheses', async () => {
    const { schema } = await compile(diagram(`"public.users" {
  integer id PK
  character_varying_255_ email
  timestamp_with_time_zone created_at
  numeric_10_2_ balance
  double_precision score
  order_status status
}`));
    expect(schema.tables[0]!.columns.map((c) => `${c.name} ${c.type.sql}`)).toEqual([
      'id int', 'email varchar(255)', 'created_at timestamp with time zone', 'balance numeric(10, 2)', 'score double precision', 'status order_status',
    ]);
  });
});
