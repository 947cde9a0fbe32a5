import { describe, expect, it } from 'vitest';
import { compile } from '../helpers/documents.js';

const withTable = (lists: string) => `# Doc\n\n### events\n\n| Column | Type | Constraints |\n|---|---|---|
| id | UUID | PRIMARY KEY |\n| user_id | UUID | NOT NULL |\n| kind | TEXT | |\n| is_active | BOOLEAN | |\n| created_at | TIMESTAMPTZ | |\n| data | JSONB | |\n\n${lists}`;

describe('bullet lists', () => {
  it('reads **Indexes**: items: names, composite, DESC, partial, GIN, unique', async () => {
    const { schema, diagnostics } = await compile(withTable(`**Indexes**:
- \`idx_events_user_id\` on user_id
- \`idx_events_kind_user\` on (kind, user_id)
- \`idx_events_recent\` on created_at DESC
- \`idx_events_user_date\` ON (user_id, created_at DESC)
- \`idx_events_data\` GIN on data
- unique index on (user_id, kind)
- \`idx_events_active\` on \`kind\` WHERE is_active = true
`));
    expect(diagnostics).toEqual([]);
    expect(schema.indexes.map((i) => [i.name, i.unique, i.method, i.keys, i.where])).toEqual([
      ['idx_events_user_id', false, 'btree', [{ column: 'user_id' }], undefined],
      ['idx_events_kind_user', false, 'btree', [{ column: 'kind' }, { column: 'user_id' }], undefined],
      ['idx_events_recent', false, 'btree', [{ column: 'created_at', descending: true }], undefined],
      ['idx_events_user_date', false, 'btree', [{ column: 'user_id' }, { column: 'created_at', descending: true }], undefined],
      ['idx_events_data', false, 'gin', [{ column: 'data' }], undefined],
      ['', true, 'btree', [{ column: 'user_id' }, { column: 'kind' }], undefined],
      ['idx_events_active', false, 'btree', [{ column: 'kind' }], 'is_active = true'],
    ]);
    expect(schema.indexes[0]!.spans[0]).toMatchObject({ line: 15, column: 3, source: 'bullets' });
  });

  it('keys an under-specified partial index on the column its predicate tests, and says so', async () => {
    const { schema, diagnostics } = await compile(withTable('**Indexes**:\n- `idx_events_live` partial index WHERE is_active = true\n'));
    expect(schema.indexes[0]).toMatchObject({ name: 'idx_events_live', keys: [{ column: 'is_active' }], where: 'is_active = true' });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SD115', severity: 'warning', message: expect.stringContaining('keys it on is_active') })]);
  });

  it('reads **Constraints**: items and completes a foreign key the column table stated', async () => {
    const doc = `# Doc\n\n### users\n\n| Column | Type |\n|---|---|\n| id | uuid |\n
### user_roles\n\n| Column | Type | Constraints | Description |\n|---|---|---|---|
| user_id | UUID | FOREIGN KEY | Reference to users.id |\n| role_id | UUID | | |\n
**Constraints**:
- PRIMARY KEY (user_id, role_id)
- FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
- UNIQUE (role_id, user_id)
`;
    const { schema, diagnostics } = await compile(doc);
    expect(diagnostics).toEqual([]);
    const t = schema.tables.find((x) => x.name === 'user_roles')!;
    expect(t.constraints.map((c) => [c.kind, c.columns, c.onDelete])).toEqual([
      ['foreign key', ['user_id'], 'cascade'],
      ['primary key', ['user_id', 'role_id'], undefined],
      ['unique', ['role_id', 'user_id'], undefined],
    ]);
    expect(t.constraints[0]!.spans.map((s) => s.line)).toEqual([13, 18]);
  });

  it('leaves prose lists alone', async () => {
    const { schema, diagnostics } = await compile(withTable('### Constraints\n- Foreign key constraints with CASCADE rules\n- NOT NULL constraints for required fields\n'));
    expect(schema.indexes).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('does not attach indexes to a heading that names no table', async () => {
    const { schema } = await compile(withTable('## Performance\n\n**Indexes**:\n- on created_at\n'));
    expect(schema.indexes).toEqual([]);
  });

  it('reads index items that name their table, in a section of their own', async () => {
    const { schema } = await compile(withTable('## Indexes\n\n- `events.kind` — lookups by kind\n- `events(user_id, created_at DESC)` — paging\n- `ghosts.id` — a table nobody defines\n'));
    expect(schema.indexes.map((i) => [i.table.name, i.keys])).toEqual([
      ['events', [{ column: 'kind' }]],
      ['events', [{ column: 'user_id' }, { column: 'created_at', descending: true }]],
    ]);
  });
});

describe('bullets in other languages', () => {
  it('a foreign key item under **外鍵約束**: the column, a word for "references", the target', async () => {
    const text = [
      '# 數據庫', '', '### Users 表', '', '| 欄位名 | 類型 |', '|---|---|', '| id | INTEGER |', '',
      '### Books 表', '', '| 欄位名 | 類型 |', '|---|---|', '| id | INTEGER |', '| userId | INTEGER |', '',
      '**外鍵約束**：', '', '- `userId` 引用 `Users(id)` ON DELETE CASCADE ON UPDATE CASCADE', '',
    ].join('\n');
    const { schema, diagnostics } = await compile(text);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const books = schema.tables.find((t) => t.name === 'books')!;
    expect(books.constraints).toEqual([expect.objectContaining({
      kind: 'foreign key', columns: ['userId'], references: expect.objectContaining({ name: 'users', columns: ['id'] }), onDelete: 'cascade', onUpdate: 'cascade',
    })]);
  });
});
