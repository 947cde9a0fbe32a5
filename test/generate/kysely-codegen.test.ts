// The kysely target is a drop-in for kysely-codegen, with no database: for every table and
// view of the seeds and of the real SQL files, Kysely's Selectable, Insertable and Updateable
// of our Database (written from the document) are mutually assignable with those of the DB
// kysely-codegen 0.20 writes from the database `apply` builds, read as it reads one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema, type Canonical } from '../../src/diff/canonical.js';
import { kyselyFile } from '../../src/generate/typescript/kysely.js';
import { DEFAULT_CODE_OPTIONS } from '../../src/generate/typescript/options.js';
import { typedRelations } from '../../src/generate/typescript/relations.js';
import { applyStatements } from '../../src/pg/apply.js';
import { openDatabase } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { hasSupabase, withSupabaseStandIn } from '../../src/pg/supabase.js';
import type { Schema } from '../../src/schema/model.js';
import { usesSupabase } from '../../src/schema/supabase.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { allSeeds, REPO_DIR } from '../helpers/documents.js';
import { canonicalOf, psqlFile, realSqlFiles } from '../helpers/realsql.js';
import { typeCheck } from '../helpers/typecheck.js';

afterAll(closeScratchDatabases);

const KYSELY_CODEGEN = join(REPO_DIR, 'node_modules', '.bin', 'kysely-codegen');

interface Case {
  name: string;
  path: string;
  prelude: string[];
  canonical: () => Promise<Canonical>;
}

const seeds: Case[] = allSeeds().filter((p) => !p.includes('/004_')).map((path) => ({
  name: path.split('/').pop()!.slice(0, 3), path, prelude: [],
  canonical: async () => {
    const text = readFileSync(path, 'utf8');
    return canonicalSchema((await compileDocuments([{ file: path, text }])).schema, new Map([[path, text]]));
  },
}));
const files: Case[] = realSqlFiles().map((f) => ({ name: f.file, path: f.path, prelude: f.prelude.filter((p) => !p.endsWith('supabase.sql')), canonical: () => canonicalOf(f) }));

/** What `schemadoc apply DOC --db URL` builds. */
async function apply(url: string, path: string): Promise<void> {
  const { schema } = await compileDocuments([{ file: path, text: readFileSync(path, 'utf8') }]);
  const db = await openDatabase({ url });
  try {
    let statements = emitStatements(schema);
    if (usesSupabase(schema) && !(await hasSupabase(db))) statements = withSupabaseStandIn(statements);
    expect((await applyStatements(db, statements)).diagnostics).toEqual([]);
  } finally {
    await db.close();
  }
}

/** Kysely's key of a relation in the DB interface: `users`, `auth.users`. */
const keysOf = (schema: Schema) => typedRelations(schema, { like: 'kysely-codegen' }).map((r) => (r.schema === 'public' ? r.name : `${r.schema}.${r.name}`));

describe.skipIf(!SERVER_URL)('generate kysely agrees with kysely-codegen 0.20 on the database apply builds', () => {
  it.each([...seeds, ...files])('$name', async (c) => {
    const canonical = await c.canonical();
    expect(canonical.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ours = kyselyFile(canonical.schema, { ...DEFAULT_CODE_OPTIONS, like: 'kysely-codegen', source: c.name });
    const server = await freshServerDatabase();
    let theirs: string;
    try {
      for (const p of c.prelude) psqlFile(server.url, p);
      await apply(server.url, c.path);
      const out = join(REPO_DIR, 'node_modules', '.cache', `kysely-codegen-${c.name}.ts`);
      execFileSync(KYSELY_CODEGEN, ['--dialect', 'postgres', '--url', server.url, '--out-file', out], { stdio: 'pipe', env: { ...process.env, DATABASE_URL: '' } });
      theirs = readFileSync(out, 'utf8');
    } finally {
      await server.dispose();
    }
    const keys = keysOf(canonical.schema);
    expect(keys.length).toBeGreaterThan(0);
    const key = (k: string) => JSON.stringify(k);
    const assertions = keys.flatMap((k) => ['Selectable', 'Insertable', 'Updateable'].map((t) => `same<${t}<Ours[${key(k)}]>, ${t}<Theirs[${key(k)}]>>(true); // ${t} ${k}`));
    const test = `import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database as Ours } from './ours.js';
import type { DB as Theirs } from './theirs.js';
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
declare function same<A, B>(ok: Same<A, B>): void;
${assertions.join('\n')}
`;
    expect(typeCheck({ 'ours.ts': ours, 'theirs.ts': theirs, 'test.ts': test })).toEqual([]);
  }, 180_000);
});
