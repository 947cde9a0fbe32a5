import { describe, expect, it } from 'vitest';
import { compile } from '../helpers/documents.js';

describe('DBML blocks', () => {
  it('reads tables, fields with settings, indexes, enums and refs, each at its line', async () => {
    const doc = `# D\n\n\`\`\`dbml
Enum mood {
  happy
  sad
}

Table users {
  id int [pk, increment]
  email varchar(255) [unique, not null]
  mood mood [default: 'happy']
  created_at datetime [default: \`now()\`]
}

Table posts {
  id int [pk]
  user_id int [ref: > users.id]
  title varchar [note: 'shown in lists']

  indexes {
    (user_id, title) [unique, name: 'posts_user_title']
  }
}

Ref: posts.id - users.id [delete: cascade]
\`\`\`\n`;
    const { schema, diagnostics } = await compile(doc);
    expect(schema.enums).toEqual([expect.objectContaining({ name: 'mood', values: ['happy', 'sad'], spans: [expect.objectContaining({ line: 4, source: 'code' })] })]);
    const users = schema.tables.find((t) => t.name === 'users')!;
    expect(users.columns.map((c) => [c.name, c.type.sql, c.notNull, c.default, c.identity])).toEqual([
      ['id', 'int', true, undefined, 'by default'],
      ['email', 'varchar(255)', true, undefined, undefined],
      ['mood', 'mood', false, "'happy'", undefined],
      ['created_at', 'timestamp', false, 'now()', undefined],
    ]);
    expect(users.columns[1]!.spans[0]).toMatchObject({ line: 11, column: 3 });
    const posts = schema.tables.find((t) => t.name === 'posts')!;
    expect(posts.constraints.filter((c) => c.kind === 'foreign key').map((c) => [c.columns, c.references!.name, c.onDelete])).toEqual([
      [['user_id'], 'users', undefined],
    ]);
    expect(users.constraints.filter((c) => c.kind === 'foreign key').map((c) => [c.columns, c.references!.name, c.onDelete])).toEqual([
      [['id'], 'posts', 'cascade'],
    ]);
    expect(schema.indexes).toEqual([expect.objectContaining({ name: 'posts_user_title', unique: true, keys: [{ column: 'user_id' }, { column: 'title' }] })]);
    expect(diagnostics.map((d) => d.code)).toEqual(['SD110']);
  });

  it('reports DBML that does not parse at its line', async () => {
    const { diagnostics } = await compile('# D\n\n```dbml\nTable users {\n  id int [pk\n}\n```\n');
    expect(diagnostics[0]).toMatchObject({ code: 'SD150', severity: 'error', span: expect.objectContaining({ line: 6, column: 1 }) });
  });
});
