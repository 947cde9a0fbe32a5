// A Kysely round trip on the embedded database for every table of seeds 000 and 002: rows
// written as the generated Insert types (tsc checks them), inserted with Kysely, selected back
// as the Row types, and accepted by the generated Zod insert schemas.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { fillTables, referencedFirst } from '../../src/diff/prove/rows.js';
import { generateCode } from '../../src/generate/typescript/generate.js';
import { DEFAULT_CODE_OPTIONS } from '../../src/generate/typescript/options.js';
import { typedRelations } from '../../src/generate/typescript/relations.js';
import { applyStatements } from '../../src/pg/apply.js';
import { openDatabase, type Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { qualified } from '../../src/pg/quote.js';
import { extensionsFor, withSupabaseStandIn } from '../../src/pg/supabase.js';
import type { Schema } from '../../src/schema/model.js';
import { usesSupabase } from '../../src/schema/supabase.js';
import { REPO_DIR, seedPath } from '../helpers/documents.js';
import { kyselyOn } from '../helpers/kysely-pglite.js';
import { typeCheck } from '../helpers/typecheck.js';

afterAll(closeScratchDatabases);

async function build(schema: Schema): Promise<Database> {
  const db = await openDatabase({ dataDir: 'memory://', extensions: extensionsFor(schema) });
  let statements = emitStatements(schema);
  if (usesSupabase(schema)) statements = withSupabaseStandIn(statements);
  expect((await applyStatements(db, statements)).diagnostics).toEqual([]);
  // Supabase's users, whom a Supabase document's tables reference: the same in both databases.
  if (usesSupabase(schema)) await db.exec(`INSERT INTO auth.users (id) SELECT ('00000000-0000-4000-8000-00000000000' || n)::uuid FROM generate_series(1, 3) n`);
  return db;
}

describe('generated Kysely types and Zod schemas round-trip rows on the embedded database', () => {
  it.each(['000', '002'])('seed %s', async (seed) => {
    const path = seedPath(seed);
    const text = readFileSync(path, 'utf8');
    const { schema } = await compileDocuments([{ file: path, text }]);
    const canonical = (await canonicalSchema(schema, new Map([[path, text]]))).schema;
    const relations = new Map(typedRelations(canonical).map((r) => [`${r.schema}.${r.name}`, r]));

    // Rows that the document's constraints accept, made in one database, written out as TypeScript.
    const source = await build(schema);
    const tables = referencedFirst(canonical.tables.filter((t) => !t.partitionBy && relations.has(`${t.schema}.${t.name}`)));
    const literals: string[] = [];
    const before: string[] = [];
    try {
      // Made in a transaction, as the proof makes them: a row PostgreSQL refuses rolls back to its savepoint.
      await source.exec('BEGIN');
      expect((await fillTables(source, canonical)).empty).toEqual([]);
      for (const table of tables) {
        const rows = await source.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) AS row FROM ${qualified(table)} t`);
        const relation = relations.get(`${table.schema}.${table.name}`)!;
        const key = table.schema === 'public' ? table.name : `${table.schema}.${table.name}`;
        const values = rows.map(({ row }) => `{ ${relation.columns.filter((c) => c.insert !== 'never').map((c) => {
          const v = row[c.name];
          return `${JSON.stringify(c.name)}: ${c.value.kind === 'bytes' && typeof v === 'string' ? `Buffer.from(${JSON.stringify(v.slice(2))}, 'hex')` : JSON.stringify(v)}`;
        }).join(', ')} }`);
        if (!values.length) continue;
        before.push(key);
        literals.push(`  rows[${JSON.stringify(key)}] = await insertAndRead(db, ${JSON.stringify(key)}, [\n    ${values.join(',\n    ')},\n  ] satisfies Insertable<Database[${JSON.stringify(key)}]>[]);`);
      }
    } finally {
      await source.close();
    }
    expect(before.length).toBe(tables.length);

    const dir = join(REPO_DIR, 'test', '.generated', `round-trip-${seed}`);
    mkdirSync(dir, { recursive: true });
    try {
      const files: Record<string, string> = {
        'kysely.ts': generateCode('kysely', canonical, DEFAULT_CODE_OPTIONS),
        'zod.ts': generateCode('zod', canonical, DEFAULT_CODE_OPTIONS),
        'program.ts': `import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from './kysely.js';

async function insertAndRead<T extends keyof Database & string>(db: Kysely<Database>, table: T, values: Insertable<Database[T]>[]): Promise<Selectable<Database[T]>[]> {
  await db.insertInto(table).values(values as never).execute();
  return (await db.selectFrom(table).selectAll().execute()) as Selectable<Database[T]>[];
}

export async function roundTrip(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
${literals.join('\n')}
  return rows;
}
`,
      };
      for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
      expect(typeCheck(files)).toEqual([]);

      const target = await build(schema);
      try {
        const program = await import(join(dir, 'program.ts'));
        const zod = await import(join(dir, 'zod.ts'));
        const read: Record<string, Record<string, unknown>[]> = await program.roundTrip(kyselyOn(target));
        expect(Object.keys(read)).toEqual(before);
        for (const [key, rows] of Object.entries(read)) {
          const relation = relations.get(key.includes('.') ? key : `public.${key}`)!;
          const name = Object.keys(zod).find((n) => n.toLowerCase() === `${key.replace(/[._]/g, '')}insertschema`)!;
          expect(name, key).toBeDefined();
          for (const row of rows) {
            const parsed = zod[name].safeParse(row);
            expect(parsed.success ? [] : parsed.error.issues, `${key} ${JSON.stringify(row)}`).toEqual([]);
            // Every column is read back, a value or null as its Row type allows.
            for (const c of relation.columns) {
              expect(c.name in row, `${key}.${c.name}`).toBe(true);
              if (!c.nullable) expect(row[c.name], `${key}.${c.name}`).not.toBeNull();
            }
          }
        }
      } finally {
        await target.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
