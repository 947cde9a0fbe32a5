// Comparing two canonical models: what counts as a difference and what does not.
import { beforeAll, describe, expect, it } from 'vitest';
import { compareSchemas } from '../../src/diff/compare.js';
import { ignoring } from '../../src/diff/verify.js';
import { comparableQuery } from '../../src/diff/view-text.js';
import { loadParser } from '../../src/read/sql/parser.js';
import { emptySchema, type Schema, type Table } from '../../src/schema/model.js';

beforeAll(loadParser);

function table(name: string, extra: Partial<Table> = {}): Table {
  return {
    schema: 'public', name, rowLevelSecurity: false, forceRowLevelSecurity: false, requires: [], spans: [],
    columns: [{ name: 'id', type: { name: 'int4', modifiers: [], arrayDimensions: 0, sql: 'integer' }, notNull: true, spans: [] }],
    constraints: [{ name: `${name}_pkey`, kind: 'primary key', columns: ['id'], definition: 'PRIMARY KEY (id)', spans: [] }],
    ...extra,
  };
}

function schemaWith(edit: (s: Schema) => void): Schema {
  const s = emptySchema();
  s.tables.push(table('users'));
  edit(s);
  return s;
}

describe('comparing canonical models', () => {
  it('finds nothing between equal models', () => {
    expect(compareSchemas(schemaWith(() => {}), schemaWith(() => {}))).toEqual([]);
  });

  it('takes a constraint with the same definition under another name for a renamed one', () => {
    const renamed = schemaWith((s) => { s.tables[0]!.constraints[0]!.name = 'pk_users'; });
    expect(compareSchemas(schemaWith(() => {}), renamed)).toMatchObject([
      { change: 'different', kind: 'constraint', aspect: 'name', expected: 'users.users_pkey', actual: 'users.pk_users' },
    ]);
  });

  it('holds now() and CURRENT_TIMESTAMP for the same default', () => {
    const withDefault = (d: string) => schemaWith((s) => { s.tables[0]!.columns[0]!.default = d; });
    expect(compareSchemas(withDefault('now()'), withDefault('CURRENT_TIMESTAMP'))).toEqual([]);
    expect(compareSchemas(withDefault('now()'), withDefault('CURRENT_DATE'))).toHaveLength(1);
  });

  it('leaves out ignored tables and what is on them', () => {
    const extra = schemaWith((s) => {
      s.tables.push(table('schema_migrations'));
      s.indexes.push({ schema: 'public', name: 'sm_idx', table: { schema: 'public', name: 'schema_migrations' }, unique: false, method: 'btree', keys: [{ column: 'id' }], include: [], definition: 'CREATE INDEX sm_idx …', spans: [] });
    });
    expect(compareSchemas(schemaWith(() => {}), extra).map((d) => `${d.change} ${d.kind} ${d.name}`)).toEqual(['extra table schema_migrations', 'extra index sm_idx']);
    expect(compareSchemas(schemaWith(() => {}), extra, { ignored: ignoring(['schema_migrations']) })).toEqual([]);
  });

  it('matches ignore patterns by schema and name', () => {
    const ignored = ignoring(['ar_*', 'audit.*']);
    expect(ignored({ name: 'ar_internal_metadata' })).toBe(true);
    expect(ignored({ schema: 'billing', name: 'ar_x' })).toBe(true);
    expect(ignored({ schema: 'audit', name: 'log' })).toBe(true);
    expect(ignored({ name: 'users' })).toBe(false);
  });

  it("reads a view's query the same whichever PostgreSQL version printed it", () => {
    // PostgreSQL 15 qualifies the columns of a one-relation query; 16 and later do not.
    expect(comparableQuery(' SELECT d.id, d.title\n   FROM deal d\n  WHERE d.status = \'active\'::text;'))
      .toBe(comparableQuery(' SELECT id, title\n   FROM deal d\n  WHERE status = \'active\'::text;'));
    expect(comparableQuery('SELECT a.id FROM a JOIN b ON a.id = b.id')).toContain('a.id');
  });
});
