// A live database of 1,000 tables (the generated schema) on a PostgreSQL server: schemadoc's
// introspection next to pg_dump --schema-only, pg-structure and four bare catalog queries, and
// `schemadoc verify` of the document against the database; each a fresh process, in turns.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDocuments } from '../src/compile.js';
import { applyStatements } from '../src/pg/apply.js';
import { openDatabase } from '../src/pg/database.js';
import { emitStatements } from '../src/pg/emit.js';
import { generateDocument } from './generate.js';
import { CLI, timed, withDatabase, type CommandTiming } from './realsql.js';

const ONCE = fileURLToPath(new URL('./introspect-once.js', import.meta.url));
const PEAK = fileURLToPath(new URL('./peak-memory.js', import.meta.url));
const RUNS = 5;

export interface IntrospectionTimings {
  /** In-process time, connect to model, of each tool; and the wall time of its fresh process. */
  schemadoc: CommandTiming[];
  schemadocWall: CommandTiming[];
  pgStructure: CommandTiming[];
  bare: CommandTiming[];
  pgDump: CommandTiming[];
  verify: CommandTiming[];
}

function pgDump(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (existsSync(`${dir}/pg_dump`)) return `${dir}/pg_dump`;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
  return versions.map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`).find(existsSync);
}

function once(mode: string, url: string): number {
  return JSON.parse(execFileSync(process.execPath, [ONCE, mode, url], { encoding: 'utf8' })).ms;
}

export async function timeIntrospection(url: string | undefined, tables = 1000): Promise<IntrospectionTimings | { skipped: string }> {
  if (!url) return { skipped: 'no server: set SCHEMADOC_BENCH_DATABASE_URL (or SCHEMADOC_TEST_DATABASE_URL)' };
  const dump = pgDump();
  if (!dump) return { skipped: 'pg_dump is not installed' };
  const work = mkdtempSync(join(tmpdir(), 'schemadoc-bench-'));
  const document = join(work, `schema-${tables}.md`);
  const { markdown } = generateDocument(tables);
  writeFileSync(document, markdown);
  try {
    return await withDatabase(url, async (db) => {
      const { schema } = await compileDocuments([{ file: document, text: markdown }]);
      const target = await openDatabase({ url: db });
      try {
        const outcome = await applyStatements(target, emitStatements(schema));
        if (!outcome.ok) throw new Error(`the generated schema did not apply: ${outcome.diagnostics[0]?.message}`);
      } finally {
        await target.close();
      }
      const t: IntrospectionTimings = { schemadoc: [], schemadocWall: [], pgStructure: [], bare: [], pgDump: [], verify: [] };
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        t.schemadoc.push({ ms: once('schemadoc', db) });
        t.schemadocWall.push({ ms: performance.now() - start });
        t.pgStructure.push({ ms: once('pg-structure', db) });
        t.bare.push({ ms: once('bare', db) });
        t.pgDump.push(timed(dump, ['--schema-only', '-d', db, '-f', '/dev/null'], false));
        if (i < 3) t.verify.push(timed(process.execPath, ['--import', PEAK, CLI, 'verify', document, '--db', db], true));
      }
      return t;
    });
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0]! };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
