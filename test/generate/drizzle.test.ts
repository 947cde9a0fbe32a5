// The drizzle target builds the documented tables: drizzle-kit push of the generated schema,
// on an embedded database, makes the same tables, columns, constraints, indexes, enums and
// views as schemadoc apply of the document, and the migration drizzle-kit generate writes
// makes them and the policies too (push leaves out policies' USING and WITH CHECK: drizzle#3504).
// The catalogs are compared object by object.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { compareSchemas } from '../../src/diff/compare.js';
import { generateCode } from '../../src/generate/typescript/generate.js';
import { DEFAULT_CODE_OPTIONS } from '../../src/generate/typescript/options.js';
import { applyStatements } from '../../src/pg/apply.js';
import { openDatabase } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { introspect } from '../../src/pg/introspect/introspect.js';
import { extensionsFor, withSupabaseStandIn } from '../../src/pg/supabase.js';
import { usesSupabase } from '../../src/schema/supabase.js';
import { REPO_DIR, seedPath } from '../helpers/documents.js';
import { typeCheck } from '../helpers/typecheck.js';

afterAll(closeScratchDatabases);

const DRIZZLE_KIT = join(REPO_DIR, 'node_modules', 'drizzle-kit', 'bin.cjs');
const PUSHED = new Set(['table', 'column', 'constraint', 'index', 'type', 'view']);
const MIGRATED = new Set([...PUSHED, 'policy']);

describe('drizzle-kit push of the generated schema builds what schemadoc apply builds', () => {
  it.each(['000', '002'])('seed %s', async (seed) => {
    const path = seedPath(seed);
    const text = readFileSync(path, 'utf8');
    const { schema } = await compileDocuments([{ file: path, text }]);
    const canonical = await canonicalSchema(schema, new Map([[path, text]]));
    const drizzle = generateCode('drizzle', canonical.schema, { ...DEFAULT_CODE_OPTIONS, source: path });
    expect(typeCheck({ 'schema.ts': drizzle })).toEqual([]);

    const dir = join(REPO_DIR, 'test', '.generated', `drizzle-${seed}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'schema.ts'), drizzle);
      writeFileSync(join(dir, 'drizzle.config.mjs'),
        "export default { dialect: 'postgresql', driver: 'pglite', schema: './schema.ts', dbCredentials: { url: './pgdata' }, schemaFilter: ['public'], out: './migrations' };\n");
      const extensions = extensionsFor(schema);
      /** A database with what the document takes as given: Supabase's auth schema and roles, its extensions. */
      const given = async (dataDir: string) => {
        const db = await openDatabase({ dataDir, extensions });
        if (schema.extensions.length) await db.exec(schema.extensions.map((e) => `CREATE EXTENSION IF NOT EXISTS ${e.name}`).join(';\n'));
        if (usesSupabase(schema)) expect((await applyStatements(db, withSupabaseStandIn([]))).diagnostics).toEqual([]);
        return db;
      };
      await (await given(join(dir, 'pgdata'))).close();
      execFileSync('node', [DRIZZLE_KIT, 'push', '--config', 'drizzle.config.mjs', '--force'], { cwd: dir, stdio: 'pipe' });
      execFileSync('node', [DRIZZLE_KIT, 'generate', '--config', 'drizzle.config.mjs'], { cwd: dir, stdio: 'pipe' });
      const migration = readdirSync(join(dir, 'migrations')).filter((f) => f.endsWith('.sql')).map((f) => readFileSync(join(dir, 'migrations', f), 'utf8')).join('\n');

      const applied = await openDatabase({ dataDir: 'memory://', extensions });
      const pushed = await openDatabase({ dataDir: join(dir, 'pgdata'), extensions });
      const migrated = await given('memory://');
      try {
        let statements = emitStatements(schema);
        if (usesSupabase(schema)) statements = withSupabaseStandIn(statements);
        expect((await applyStatements(applied, statements)).diagnostics).toEqual([]);
        for (const statement of migration.split('--> statement-breakpoint')) if (statement.trim()) await migrated.exec(statement);
        const expected = (await introspect(applied, { schemas: ['public'] })).schema;
        const differences = async (db: typeof applied, kinds: Set<string>) => compareSchemas(expected, (await introspect(db, { schemas: ['public'] })).schema)
          .filter((d) => kinds.has(d.kind)).map((d) => `${d.change} ${d.kind} ${d.name} ${d.aspect ?? ''}: ${d.expected ?? ''} / ${d.actual ?? ''}`);
        expect(expected.tables.length).toBeGreaterThan(5);
        expect(await differences(pushed, PUSHED)).toEqual([]);
        expect(await differences(migrated, MIGRATED)).toEqual([]);
      } finally {
        await applied.close();
        await pushed.close();
        await migrated.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
