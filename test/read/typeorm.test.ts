import { describe, expect, it } from 'vitest';
import { compile, readSeed, seedPath } from '../helpers/documents.js';

describe('TypeORM entities', () => {
  it('reads entities with the compiler API: names, column options, generated keys, relations, inheritance', async () => {
    const doc = `# D\n\n\`\`\`typescript
abstract class Base {
  @PrimaryGeneratedColumn('uuid')
  id!: string

  @CreateDateColumn()
  createdAt!: Date
}

@Entity('authors')
export class Author extends Base {
  @Column({ type: 'varchar', length: 80, unique: true })
  name!: string

  @Column({ nullable: true })
  bio?: string
}

@Entity()
@Index(['authorId', 'title'])
export class BlogPost extends Base {
  @Column({ type: 'decimal', precision: 10, scale: 2, default: 0 })
  price!: number

  @Column()
  title!: string

  @ManyToOne(() => Author, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author!: Author
}
\`\`\`\n`;
    const { schema, diagnostics } = await compile(doc);
    const authors = schema.tables.find((t) => t.name === 'authors')!;
    expect(authors.columns.map((c) => [c.name, c.type.sql, c.notNull, c.default])).toEqual([
      ['id', 'uuid', true, 'uuid_generate_v4()'],
      ['createdAt', 'timestamp', true, 'now()'],
      ['name', 'varchar(80)', true, undefined],
      ['bio', 'varchar', false, undefined],
    ]);
    expect(authors.constraints.map((c) => [c.kind, c.columns])).toEqual([['primary key', ['id']], ['unique', ['name']]]);
    expect(authors.spans[0]).toMatchObject({ line: 13, column: 14, source: 'code' });
    const post = schema.tables.find((t) => t.name === 'blog_post')!;
    expect(post.columns.map((c) => [c.name, c.type.sql])).toEqual([
      ['id', 'uuid'], ['createdAt', 'timestamp'], ['price', 'numeric(10, 2)'], ['title', 'varchar'], ['authorId', 'uuid'],
    ]);
    expect(post.constraints.find((c) => c.kind === 'foreign key')).toMatchObject({ columns: ['authorId'], references: { name: 'authors', columns: ['id'] }, onDelete: 'cascade' });
    expect(schema.indexes[0]).toMatchObject({ table: { name: 'blog_post' }, keys: [{ column: 'authorId' }, { column: 'title' }] });
    expect(diagnostics.map((d) => d.code)).toEqual(['SD160', 'SD210']);
    expect(diagnostics[0]!.message).toContain('"blog_post"');
  });

  it('reads the SQL a migration runs', async () => {
    const doc = "# D\n\n```ts\nexport class Init {\n  async up(q: QueryRunner) {\n    await q.query(`\n      CREATE TABLE things (id int PRIMARY KEY);\n    `)\n  }\n  async down(q: QueryRunner) {\n    await q.query(`DROP TABLE things`)\n  }\n}\n```\n";
    const { schema } = await compile(doc);
    expect(schema.tables).toEqual([expect.objectContaining({ name: 'things', spans: [expect.objectContaining({ line: 7, column: 7, source: 'sql' })] })]);
    expect(schema.examples).toEqual([]);
  });

  it('seed 004: the merged schema, and what its representations disagree on', async () => {
    const { schema, diagnostics } = await compile(readSeed('004'), seedPath('004'));
    expect(schema.tables.map((t) => t.name).sort()).toEqual([
      'active_sessions', 'organizations', 'permissions', 'role_permissions', 'roles', 'user_organizations', 'user_roles', 'users',
    ]);
    expect(schema.enums.map((e) => e.name)).toEqual(['platform_role_type', 'organization_role_type']);
    const messages = diagnostics.map((d) => `${d.code} ${d.span?.line} ${d.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^SD237 95 the code names this table user, while the sql names it users/),
      expect.stringMatching(/^SD237 124 the code names this table active_session, while the SQL refers to it as active_sessions/),
      expect.stringMatching(/^SD221 157 .*folds the unquoted name to lower case, but the column is "userId"/),
      expect.stringMatching(/^SD234 47 .*active_sessions.userId should reference users/),
      expect.stringMatching(/^SD236 322 organizations.owner_id is marked FK in the diagram, but the sql definition has no REFERENCES/),
      expect.stringMatching(/^SD236 323 organizations.created_by is marked FK/),
      expect.stringMatching(/^SD239 32 the diagram says users.username is unique \(it is not\) and at most 15 characters \(it is varchar\(50\)/),
    ]));
    // inspect shows every place that described a column.
    const username = schema.tables.find((t) => t.name === 'users')!.columns.find((c) => c.name === 'username')!;
    expect(username.spans.map((s) => s.source).sort()).toEqual(['code', 'diagram', 'diagram', 'sql']);
  });

  it('seed 001: the User interface is matched to users; fields required in it but nullable in SQL are reported', async () => {
    const { schema, diagnostics } = await compile(readSeed('001'), seedPath('001'));
    expect(schema.tables.map((t) => t.name)).toEqual(['users']);
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => [d.span?.line, d.message]);
    expect(at('SD250')).toEqual([[56, 'interface User is the application model of table users']]);
    expect(at('SD252').map(([line, message]) => [line, String(message).split(' is required')[0]])).toEqual([
      [62, 'User.emailVerified'], [63, 'User.createdAt'], [64, 'User.updatedAt'],
    ]);
    // The related place is the column's line in the SQL.
    expect(diagnostics.find((d) => d.code === 'SD252')!.related![0]!.span.line).toBe(23);
  });

  it('reports fields a table lacks and types it cannot hold, and never creates a table from an interface', async () => {
    const doc = '# D\n\n```sql\nCREATE TABLE orders (id int PRIMARY KEY, total numeric NOT NULL);\n```\n\n```ts\ninterface Order {\n  id: number\n  total: boolean\n  note?: string\n}\ninterface Settings { theme: string }\n```\n';
    const { schema, diagnostics } = await compile(doc);
    expect(schema.tables.map((t) => t.name)).toEqual(['orders']);
    expect(diagnostics.map((d) => [d.code, d.span?.line])).toEqual([['SD250', 8], ['SD253', 10], ['SD251', 11]]);
  });

  it('compares the lengths validation code allows with the column', async () => {
    const doc = "# D\n\n```sql\nCREATE TABLE accounts (handle varchar(50) NOT NULL);\n```\n\n```ts\nconst schema = Joi.object({\n  handle: Joi.string().min(3).max(20).required(),\n})\n```\n";
    const { diagnostics } = await compile(doc);
    expect(diagnostics).toEqual([expect.objectContaining({
      code: 'SD239', span: expect.objectContaining({ line: 9 }), message: 'the validation code allows handle 3–20 characters, but accounts.handle is varchar(50)',
    })]);
  });
});
