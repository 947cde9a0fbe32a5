import { describe, expect, it } from 'vitest';
import { emitSql, emitStatements } from '../../src/pg/emit.js';
import { orderByDependencies } from '../../src/pg/order.js';
import { applyStatements } from '../../src/pg/apply.js';
import { openDatabase } from '../../src/pg/database.js';
import { compile, sqlDoc } from '../helpers/documents.js';

describe('DDL emitter', () => {
  it("keeps the document's order where it runs, and moves a statement only after what it uses", async () => {
    const { schema } = await compile(sqlDoc(`CREATE POLICY own ON post USING (author_id = 1);
CREATE VIEW recent AS SELECT * FROM post_summary;
CREATE VIEW post_summary AS SELECT id FROM post;
CREATE INDEX post_author_idx ON post (author_id);
CREATE TABLE post (id int PRIMARY KEY, author_id int REFERENCES author (id), mood mood);
CREATE TABLE author (id int PRIMARY KEY, slug text DEFAULT make_slug());
CREATE FUNCTION make_slug() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE TYPE mood AS ENUM ('ok');
ALTER TABLE post ENABLE ROW LEVEL SECURITY;
COMMENT ON TABLE post IS 'Posts';
CREATE EXTENSION citext;
CREATE SCHEMA extra;`));
    const statements = emitStatements(schema);
    expect(statements.map((s) => `${s.kind} ${s.name}`)).toEqual([
      // author waits for the function its default calls, post for its enum and author.
      'function make_slug',
      'table author',
      'type mood',
      'table post',
      'policy own on post',
      'view post_summary',
      'view recent',
      'index post_author_idx',
      // post refers to a table created after it, so the model writes it, its foreign key after both tables.
      'row level security post',
      'foreign key post(author_id)',
      "comment COMMENT ON TABLE post IS 'Posts'",
      'extension citext',
      'schema extra',
    ]);
    expect(statements.filter((s) => s.origin === 'model').map((s) => s.kind)).toEqual(['table', 'row level security', 'foreign key']);
    const db = await openDatabase({ dataDir: 'memory://', extensions: ['citext'] });
    try {
      const outcome = await applyStatements(db, statements);
      expect(outcome.diagnostics).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('keeps a script that runs in its order, even where another order would do too', async () => {
    const { schema } = await compile(sqlDoc(`CREATE TABLE b (id int PRIMARY KEY);
CREATE INDEX b_id ON b (id);
CREATE TABLE a (id int, b_id int REFERENCES b (id));
ALTER TABLE a ADD PRIMARY KEY (id);
CREATE VIEW v AS SELECT * FROM a;`));
    expect(emitStatements(schema).map((s) => s.sql)).toEqual(schema.script.map((s) => `${s.sql};`));
  });

  it('is deterministic', async () => {
    const doc = sqlDoc('CREATE TABLE b (id int);\nCREATE TABLE a (id int, b_id int REFERENCES b (id));');
    const first = emitSql((await compile(doc)).schema);
    const second = emitSql((await compile(doc)).schema);
    expect(first).toBe(second);
  });

  it('runs the SQL as written, and writes what the model holds with quotes only where needed', async () => {
    const written = `CREATE TABLE "user" (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "userId" int NOT NULL REFERENCES later (id),
  "order" text COLLATE "C",
  CONSTRAINT user_order_key UNIQUE ("order")
)`;
    const index = `CREATE INDEX "User_Idx" ON "user" USING gin (to_tsvector('simple', "order")) WHERE "userId" > 0`;
    const { schema } = await compile(sqlDoc(`${written};\n${index};\nCREATE TABLE later (id int PRIMARY KEY);`));
    // "user" refers to a table created after it: the model writes it, and its foreign key after both.
    expect(emitSql(schema)).toBe(`CREATE TABLE "user" (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  "userId" int NOT NULL,
  "order" text COLLATE "C",
  PRIMARY KEY (id),
  CONSTRAINT user_order_key UNIQUE ("order")
);

${index};

CREATE TABLE later (id int PRIMARY KEY);

ALTER TABLE "user" ADD FOREIGN KEY ("userId") REFERENCES later (id);
`);
  });

  it('creates an extension the document uses but never creates, before its first use', async () => {
    const { schema } = await compile(sqlDoc('CREATE TABLE t (id uuid DEFAULT uuid_generate_v4());'));
    expect(emitSql(schema)).toMatch(/^CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\n\nCREATE TABLE t/);
  });

  it('breaks a dependency cycle in document order instead of dropping statements', () => {
    const items = [
      { id: 'a', provides: ['x'], requires: ['y'] },
      { id: 'b', provides: ['y'], requires: ['x'] },
      { id: 'c', provides: [], requires: [] },
    ];
    expect(orderByDependencies(items).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('orders by the last provider before a statement, so that CREATE OR REPLACE and DROP keep their places', () => {
    const items = [
      { id: 'placeholder', provides: ['v'], requires: [] },
      { id: 'uses v', provides: ['f'], requires: ['v'] },
      { id: 'replaces v', provides: ['v'], requires: ['f'] },
      { id: 'drop then', provides: [], requires: [] },
      { id: 'uses later', provides: [], requires: ['w'] },
      { id: 'makes w', provides: ['w'], requires: [] },
    ];
    expect(orderByDependencies(items).map((i) => i.id)).toEqual(['placeholder', 'uses v', 'replaces v', 'drop then', 'makes w', 'uses later']);
  });
});
