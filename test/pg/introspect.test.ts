// Introspection reads every kind of object the model holds, as PostgreSQL prints it, and names
// the kinds it does not model instead of dropping them: on the embedded database and a server.
import { describe, expect, it } from 'vitest';
import { introspect } from '../../src/pg/introspect/introspect.js';
import { openDatabase } from '../../src/pg/database.js';
import { openTarget, SERVER_URL, TARGETS } from '../helpers/databases.js';
import { modelDefinitions, printedDefinitions } from '../helpers/realsql.js';

const SCHEMA = `
CREATE SCHEMA billing;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS integer DEFAULT 1 NOT NULL CHECK (VALUE > 0);
CREATE TYPE pair AS (a integer, b text);
CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE SEQUENCE billing.invoice_no START WITH 1000 INCREMENT BY 10;
CREATE TABLE account (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text COLLATE "C",
  moods mood[] DEFAULT '{}',
  balance numeric(12,2) DEFAULT 0 CHECK (balance >= 0),
  doubled bigint GENERATED ALWAYS AS (id * 2) STORED,
  created timestamptz DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE billing.invoice (
  no integer DEFAULT nextval('billing.invoice_no') PRIMARY KEY,
  account_id bigint REFERENCES account ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  period tstzrange,
  EXCLUDE USING gist (period WITH &&)
);
CREATE TABLE event (id serial, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE base (id int);
CREATE TABLE child (extra text) INHERITS (base);
CREATE INDEX account_plain ON account (name DESC, email NULLS FIRST) WHERE balance > 0;
CREATE INDEX account_ops ON account (name text_pattern_ops);
CREATE TABLE tag (id int, label text, UNIQUE NULLS NOT DISTINCT (label) INCLUDE (id), FOREIGN KEY (id) REFERENCES account MATCH FULL ON UPDATE RESTRICT ON DELETE SET NULL NOT VALID);
CREATE UNIQUE INDEX account_lower_email ON account (lower(email) DESC NULLS LAST) INCLUDE (name) WHERE balance > 0;
CREATE VIEW rich AS SELECT id, email FROM account WHERE balance > 1000;
CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n FROM account;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE tidy(days integer) LANGUAGE sql AS $$ DELETE FROM base WHERE id < days $$;
CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON account AS RESTRICTIVE FOR UPDATE TO public USING (id > 0) WITH CHECK (balance >= 0);
COMMENT ON TABLE account IS 'who pays';
COMMENT ON COLUMN account.email IS 'where to write';
COMMENT ON FUNCTION touch() IS 'keeps it fresh';
CREATE AGGREGATE total(integer) (sfunc = int4pl, stype = integer);
CREATE RULE keep AS ON DELETE TO base DO INSTEAD NOTHING;
CREATE COLLATION plain (provider = libc, locale = 'C');
DO $$ BEGIN CREATE ROLE schemadoc_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT SELECT, UPDATE ON account TO schemadoc_reader WITH GRANT OPTION;
GRANT USAGE ON SCHEMA billing TO schemadoc_reader;
REVOKE EXECUTE ON FUNCTION touch() FROM PUBLIC;
`;

for (const target of TARGETS) {
  describe.skipIf(!target.enabled)(`introspection on ${target.name}`, () => {
    it('reads every kind of object the model holds, and names those it does not', async () => {
      const { db, dispose } = await openTarget(target.name, ['btree_gist']);
      try {
        await db.exec('CREATE EXTENSION btree_gist;' + SCHEMA);
        const { schema, unmodelled } = await introspect(db);
        const account = schema.tables.find((t) => t.name === 'account')!;
        const column = (name: string) => account.columns.find((c) => c.name === name)!;
        expect(column('id')).toMatchObject({ identity: 'always', notNull: true, type: { name: 'int8', sql: 'bigint' } });
        expect(column('email')).toMatchObject({ type: { name: 'varchar', modifiers: ['255'], sql: 'character varying(255)' }, comment: 'where to write' });
        // As the readers hold it: the name, unquoted.
        expect(column('name').collation).toBe('C');
        expect(column('moods')).toMatchObject({ type: { name: 'mood', schema: 'public', arrayDimensions: 1, sql: 'mood[]' }, default: "'{}'::mood[]" });
        expect(column('doubled').generated).toBe('(id * 2)');
        expect(column('created').default).toBe('CURRENT_TIMESTAMP');
        expect(account).toMatchObject({ rowLevelSecurity: true, comment: 'who pays' });
        expect(account.constraints.map((c) => [c.name, c.kind, c.definition])).toEqual([
          ['account_balance_check', 'check', 'CHECK (balance >= 0::numeric)'],
          ['account_email_key', 'unique', 'UNIQUE (email)'],
          ['account_pkey', 'primary key', 'PRIMARY KEY (id)'],
        ]);
        const invoice = schema.tables.find((t) => t.name === 'invoice')!;
        expect(invoice.schema).toBe('billing');
        expect(invoice.constraints.find((c) => c.kind === 'foreign key')).toMatchObject({
          references: { schema: 'public', name: 'account', columns: ['id'] }, onDelete: 'cascade', deferrable: true, initiallyDeferred: true,
        });
        expect(invoice.constraints.find((c) => c.kind === 'exclude')?.definition).toBe('EXCLUDE USING gist (period WITH &&)');
        expect(schema.tables.find((t) => t.name === 'event')?.partitionBy).toBe('PARTITION BY RANGE (at)');
        expect(schema.tables.find((t) => t.name === 'event_2024')?.partitionOf).toEqual({
          table: { schema: 'public', name: 'event' }, bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
        });
        expect(schema.tables.find((t) => t.name === 'child')?.inherits).toEqual([{ schema: 'public', name: 'base' }]);
        expect(schema.indexes.find((i) => i.name === 'account_lower_email')).toMatchObject({
          unique: true, method: 'btree', keys: [{ expression: 'lower(email::text)', descending: true, nullsFirst: false }], include: ['name'], where: '(balance > (0)::numeric)',
        });
        expect(schema.enums).toMatchObject([{ name: 'mood', values: ['sad', 'ok', 'happy'] }]);
        expect(schema.types.map((t) => t.definition)).toEqual([
          'CREATE TYPE public.floatrange AS RANGE (subtype = double precision)',
          'CREATE TYPE public.pair AS (a integer, b text)',
          'CREATE DOMAIN public.positive AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_check CHECK (VALUE > 0)',
        ]);
        expect(schema.sequences.map((s) => s.definition)).toEqual([
          'CREATE SEQUENCE billing.invoice_no START WITH 1000 INCREMENT BY 10',
          'CREATE SEQUENCE public.event_id_seq AS integer OWNED BY public.event.id',
        ]);
        expect(schema.views.map((v) => [v.name, v.materialized])).toEqual([['rich', false], ['totals', true]]);
        expect(schema.functions.map((f) => [f.name, f.kind, f.argumentTypes, f.language])).toEqual([
          ['tidy', 'procedure', ['integer'], 'sql'], ['touch', 'function', [], 'plpgsql'], ['total', 'aggregate', ['integer'], 'internal'],
        ]);
        expect(schema.functions.find((f) => f.name === 'total')?.definition).toBe('CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer)');
        expect(schema.triggers).toMatchObject([{ name: 'account_touch', table: { name: 'account' }, function: { name: 'touch' } }]);
        expect(schema.policies).toMatchObject([{ name: 'own', command: 'update', permissive: false, roles: ['public'], using: 'id > 0', withCheck: 'balance >= 0::numeric' }]);
        expect(schema.comments.map((c) => [c.targetKind, c.target, c.text])).toEqual([['function', 'public.touch()', 'keeps it fresh']]);
        expect(schema.schemas.map((s) => s.name)).toEqual(['billing', 'public']);
        expect(schema.extensions.map((e) => e.name)).toEqual(['btree_gist']);
        // The extension's own functions, operators and classes are the extension's, not the schema's.
        const printed = await printedDefinitions(db, ['public', 'billing']);
        for (const [key, definition] of modelDefinitions(schema)) expect(definition, key).toBe(printed.get(key));
        expect(unmodelled).toEqual([{ kind: 'rule', name: 'public.base.keep' }]);
        expect(schema.collations.map((c) => c.definition)).toEqual(["CREATE COLLATION public.plain (provider = libc, lc_collate = 'C', lc_ctype = 'C')"]);
        // Privileges of roles other than the owner, one each; a function's default (EXECUTE to PUBLIC) where none was revoked.
        expect(schema.grants.filter((g) => g.grantee === 'schemadoc_reader').map((g) => `${g.objectKind} ${g.object} ${g.privilege}${g.grantable ? '*' : ''}`))
          .toEqual(['SCHEMA billing USAGE', 'TABLE public.account SELECT*', 'TABLE public.account UPDATE*']);
        const executable = schema.grants.filter((g) => g.grantee === 'PUBLIC' && g.privilege === 'EXECUTE').map((g) => g.object);
        expect(executable).toContain('public.tidy(integer)');
        expect(executable).not.toContain('public.touch()');
      } finally {
        await dispose();
      }
    }, 60_000);

    it('reads the schemas it is asked for, and none of PostgreSQL\'s own', async () => {
      const { db, dispose } = await openTarget(target.name);
      try {
        await db.exec('CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id int); CREATE TABLE b.u (id int);');
        expect((await introspect(db, { schemas: ['b'] })).schema.tables.map((t) => t.name)).toEqual(['u']);
        expect((await introspect(db)).schemas).toEqual(['a', 'b', 'public']);
      } finally {
        await dispose();
      }
    });
  });
}

describe.skipIf(!SERVER_URL)('introspection of a server in two connections', () => {
  it('the second reads in the snapshot of the first, and without a second connection the first reads the same alone', async () => {
    const { db, url, dispose } = await openTarget('server');
    const writer = await openDatabase({ url: url! });
    try {
      await db.exec('CREATE TABLE t (id int PRIMARY KEY, name text); CREATE INDEX t_name ON t (name);');
      // An index made after the first connection's snapshot, before the second takes it: not in what is read.
      const late = { ...db, another: async () => {
        const second = await db.another!();
        await writer.exec('CREATE INDEX t_late ON t (id, name)');
        return second;
      } };
      const read = await introspect(late);
      expect(read.schema.indexes.map((i) => i.name)).toEqual(['t_name']);
      await writer.exec('DROP INDEX t_late');
      const alone = await introspect({ ...db, another: () => Promise.reject(new Error('too many connections')) });
      expect(alone.schema).toEqual(read.schema);
      expect((await introspect({ ...db, another: undefined })).schema).toEqual(read.schema);
    } finally {
      await writer.close();
      await dispose();
    }
  });
});
