// One measurement in a fresh process: `node measure.js MODE TABLES` prints milliseconds.
// Large PGlite runs leave a process slower for the next one, so every database figure of
// `npm run bench` is taken in a process of its own.
import { PGlite } from '@electric-sql/pglite';
import { checkDocuments } from '../src/check/check.js';
import { closeScratchDatabases } from '../src/check/execute.js';
import { compileDocuments } from '../src/compile.js';
import { applyStatements } from '../src/pg/apply.js';
import { openDatabase } from '../src/pg/database.js';
import { emitStatements } from '../src/pg/emit.js';
import { formatJson } from '../src/report/json.js';
import { generateDocument } from './generate.js';

const [mode, tables] = [process.argv[2], Number(process.argv[3])];
const { markdown } = generateDocument(tables);
const document = { file: 'bench.md', text: markdown };
const statements = emitStatements((await compileDocuments([document])).schema);
const ddl = statements.map((s) => s.sql).join('\n');
const conf = { postgresqlconf: ['max_locks_per_transaction = 1024'] };

async function time(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const modes: Record<string, () => Promise<number>> = {
  // The DDL in one exec in a fresh in-memory PGlite, timed from when the database is ready.
  'bare-exec': async () => {
    const db = await PGlite.create(conf);
    return time(async () => {
      await db.exec(ddl);
    });
  },
  apply: async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    let ok = false;
    const ms = await time(async () => {
      ok = (await applyStatements(db, statements)).ok;
    });
    if (!ok) throw new Error('apply failed');
    return ms;
  },
  // check's floor: a fresh scratch PGlite running the same DDL in a transaction rolled back.
  floor: () => time(async () => {
    const db = await PGlite.create(conf);
    await db.exec('BEGIN');
    await db.exec(ddl);
    await db.exec('ROLLBACK');
    await db.close();
  }),
  check: () => time(async () => {
    const result = await checkDocuments([document]);
    await closeScratchDatabases();
    formatJson(result.diagnostics);
  }),
};

const run = modes[mode ?? ''];
if (!run) throw new Error(`unknown mode ${mode}; modes: ${Object.keys(modes).join(', ')}`);
process.stdout.write(`${await run()}\n`);
process.exit(0);
