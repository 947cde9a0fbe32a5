import { describe, expect, it } from 'vitest';
import { emitSql, emitStatements } from '../../src/pg/emit.js';
import { orderByDependencies } from '../../src/pg/order.js';
import { compile, sqlDoc } from '../helpers/documents.js';

describe('DDL emitter', () => {
  it('emits objects in dependency order whatever the document order', async () => {
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
    const order = emitStatements(schema).map((s) => `${s.kind} ${s.name}`);
    expect(order).toEqual([
      'schema extra',
      'extension citext',
      'type mood',
      'table post',
      'index post_author_idx',
      'view post_summary',
      'view recent',
      // author waits for the function its default calls; the foreign key waits for author.
      'function make_slug',
      'table author',
      'foreign key post(author_id)',
      'row level security post',
      'policy own on post',
      'comment table post',
    ]);
  });

  it('is deterministic', async () => {
    const doc = sqlDoc('CREATE TABLE b (id int);\nCREATE TABLE a (id int, b_id int REFERENCES b (id));');
    const first = emitSql((await compile(doc)).schema);
    const second = emitSql((await compile(doc)).schema);
    expect(first).toBe(second);
  });

  it('quotes identifiers only where needed and emits constraints and indexes in full', async () => {
    const { schema } = await compile(sqlDoc(`CREATE TABLE "user" (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "userId" int NOT NULL,
  "order" text COLLATE "C",
  CONSTRAINT user_order_key UNIQUE ("order")
);
CREATE INDEX "User_Idx" ON "user" USING gin (to_tsvector('simple', "order")) WHERE "userId" > 0;`));
    expect(emitSql(schema)).toBe(`CREATE TABLE "user" (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  "userId" int NOT NULL,
  "order" text COLLATE "C",
  PRIMARY KEY (id),
  CONSTRAINT user_order_key UNIQUE ("order")
);

CREATE INDEX "User_Idx" ON "user" USING gin ((to_tsvector('simple', "order"))) WHERE "userId" > 0;
`);
  });

  it('creates an extension the document uses but never creates, before its first use', async () => {
    const { schema } = await compile(sqlDoc('CREATE TABLE t (id uuid DEFAULT uuid_generate_v4());'));
    expect(emitSql(schema)).toMatch(/^CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\n\nCREATE TABLE t/);
  });

  it('breaks a dependency cycle instead of dropping statements', () => {
    const items = [
      { id: 'a', rank: 1, provides: ['x'], requires: ['y'] },
      { id: 'b', rank: 1, provides: ['y'], requires: ['x'] },
      { id: 'c', rank: 0, provides: [], requires: [] },
    ];
    expect(orderByDependencies(items).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});
