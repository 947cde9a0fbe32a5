// One measurement in a fresh process: `node measure.js MODE TABLES` prints its Timing as JSON.
// Large PGlite runs leave a process slower for the next one, so every database figure of
// `npm run bench` is taken in a process of its own.
import { PGlite } from '@electric-sql/pglite';
import { loadModule, parseSync } from 'libpg-query';
import { checkDocuments } from '../src/check/check.js';
import { closeScratchDatabases } from '../src/check/execute.js';
import { compileDocuments } from '../src/compile.js';
import { prepareReaders } from '../src/read/document.js';
import { applyStatements } from '../src/pg/apply.js';
import { openDatabase } from '../src/pg/database.js';
import { emitStatements } from '../src/pg/emit.js';
import { formatJson } from '../src/report/json.js';
import { generateDocument } from './generate.js';
import { median } from './median.js';

const [mode, tables] = [process.argv[2], Number(process.argv[3])];
const { markdown, sql } = generateDocument(tables);
const document = { file: 'bench.md', text: markdown };
/** The document's DDL; the database modes read it before they time anything, the first-reading modes never. */
async function emitted() {
  const statements = emitStatements((await compileDocuments([document])).schema);
  return { statements, ddl: statements.map((s) => s.sql).join('\n') };
}
const conf = { postgresqlconf: ['max_locks_per_transaction = 1024'] };

/** Milliseconds of the work, of opening its database when it opens one, and of its baseline when timed with it. */
export interface Timing {
  ms: number;
  openMs?: number;
  baseMs?: number;
}

/**
 * Readings of each before the timed ones. V8 goes on optimizing a reading's functions for its
 * first readings of a large document (`--trace-opt`, a parse between readings as here: ~170
 * compilations in the first, ~120, ~80, ~50, ~20, then 10–16 up to the ninth, as the
 * functions called once per reading, merge among them, become hot): timed earlier, the warm
 * figure would be part warm-up. The first reading in a fresh process has a row of its own.
 */
const WARM_UP = 10;
/** The machine's speed drifts by a third over seconds: fifteen turns span more of it than nine. */
const READ_RUNS = 15;

/** Milliseconds of one run, after a full collection so that no run pays for the garbage of another. */
async function timeCollected(work: () => unknown): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  return time(async () => work());
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Opens a database, then does `work` in it; the two timed apart. */
async function timeOpened<D>(open: () => Promise<D>, work: (db: D) => Promise<unknown>): Promise<Timing> {
  let db!: D;
  const openMs = await time(async () => {
    db = await open();
  });
  return { openMs, ms: await time(() => work(db)) };
}

/** The DDL in one exec into a database opened by `open`. */
async function execInto(open: () => Promise<{ exec(sql: string): Promise<unknown> }>): Promise<Timing> {
  const { ddl } = await emitted();
  return timeOpened(open, (db) => db.exec(ddl));
}

const modes: Record<string, () => Promise<Timing>> = {
  // Warm: the bare parse and the reading in turns (a, b, a, b …), each after a full
  // collection, once V8 has optimized both; the median of each.
  'read-warm': async () => {
    await loadModule();
    const read = () => compileDocuments([document]);
    for (let i = 0; i < WARM_UP; i++) {
      parseSync(sql);
      await read();
    }
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < READ_RUNS; i++) {
      times[0].push(await timeCollected(() => parseSync(sql)));
      times[1].push(await timeCollected(read));
    }
    const { schema } = await read();
    if (schema.tables.length !== tables) throw new Error(`read ${schema.tables.length} tables, expected ${tables}`);
    return { ms: median(times[1]), baseMs: median(times[0]) };
  },
  // The first parse and the first reading in this process, each once its WebAssembly is loaded.
  'parse-first': async () => {
    await loadModule();
    return { ms: await time(async () => parseSync(sql)) };
  },
  'read-first': async () => {
    await prepareReaders();
    return { ms: await time(() => compileDocuments([document])) };
  },
  // PGlite on its own: a fresh database (initdb), then the DDL in one exec.
  'create-exec': () => execInto(() => PGlite.create(conf)),
  // The DDL in one exec into a database opened as apply opens one (from schemadoc's snapshot
  // of a new database, with its extensions): what apply adds is all that differs.
  'exec-alike': () => execInto(() => openDatabase({ dataDir: 'memory://' })),
  apply: async () => {
    const { statements } = await emitted();
    return timeOpened(() => openDatabase({ dataDir: 'memory://' }), async (db) => {
      if (!(await applyStatements(db, statements)).ok) throw new Error('apply failed');
    });
  },
  // check's floor: a fresh scratch PGlite running the same DDL in a transaction rolled back.
  floor: async () => {
    const { ddl } = await emitted();
    return {
      ms: await time(async () => {
        const db = await PGlite.create(conf);
        await db.exec('BEGIN');
        await db.exec(ddl);
        await db.exec('ROLLBACK');
        await db.close();
      }),
    };
  },
  // Read once first, as in the modes above.
  check: async () => {
    await emitted();
    return {
      ms: await time(async () => {
        const result = await checkDocuments([document]);
        await closeScratchDatabases();
        formatJson(result.diagnostics);
      }),
    };
  },
};

const run = modes[mode ?? ''];
if (!run) throw new Error(`unknown mode ${mode}; modes: ${Object.keys(modes).join(', ')}`);
process.stdout.write(`${JSON.stringify(await run())}\n`);
process.exit(0);
