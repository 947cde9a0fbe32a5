// npm run bench: schemadoc's figures next to the bare baselines, measured in one run.
import { PGlite } from '@electric-sql/pglite';
import { loadModule, parseSync } from 'libpg-query';
import { checkDocuments } from '../src/check/check.js';
import { closeScratchDatabases } from '../src/check/execute.js';
import { compileDocuments } from '../src/compile.js';
import { formatJson } from '../src/report/json.js';
import { applyStatements } from '../src/pg/apply.js';
import { openDatabase } from '../src/pg/database.js';
import { emitStatements } from '../src/pg/emit.js';
import { generateDocument } from './generate.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const READ_RUNS = 7;

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function median(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(work)).ms);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

await loadModule();
for (const size of SIZES) {
  const { markdown, sql } = generateDocument(size);
  const mb = (Buffer.byteLength(markdown) / 1e6).toFixed(1);

  const bareParse = await median(READ_RUNS, () => parseSync(sql));
  let compiled = await compileDocuments([{ file: 'bench.md', text: markdown }]);
  const read = await median(READ_RUNS, async () => {
    compiled = await compileDocuments([{ file: 'bench.md', text: markdown }]);
  });
  if (compiled.schema.tables.length !== size) throw new Error(`read ${compiled.schema.tables.length} tables, expected ${size}`);
  row(`read + model, ${size} tables (${mb} MB)`, ms(read), `libpg-query parse of the same SQL`, ms(bareParse), ratio(read, bareParse), '1.5×');

  const statements = emitStatements(compiled.schema);
  const ddl = statements.map((s) => s.sql).join('\n');

  // The baseline: the same DDL in one exec, in a fresh in-memory PGlite configured the same way.
  // Each is measured twice, alternating (bare, apply, apply, bare), and the better run kept:
  // a process that has already run one large schema runs the next one slower.
  const bareExec = async () => {
    const bare = await PGlite.create({ postgresqlconf: ['max_locks_per_transaction = 1024'] });
    const { ms: took } = await time(() => bare.exec(ddl));
    await bare.close();
    return took;
  };
  const schemadocApply = async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    const { ms: took, value } = await time(() => applyStatements(db, statements));
    await db.close();
    if (!value.ok) throw new Error(`apply failed: ${value.diagnostics[0]?.message}`);
    return took;
  };
  const bareTimes = [await bareExec()];
  const applyTimes = [await schemadocApply(), await schemadocApply()];
  bareTimes.push(await bareExec());
  const apply = { ms: Math.min(...applyTimes) };
  const bareBest = { ms: Math.min(...bareTimes) };
  row(`apply on PGlite, ${size} tables`, ms(apply.ms), 'PGlite exec of the same DDL', ms(bareBest.ms), ratio(apply.ms, bareBest.ms), '1.1×');

  // check: read, merge, run the schema in a scratch PGlite (rolled back), rules, report.
  // The floor: a fresh scratch PGlite running the same DDL in a transaction that is rolled back.
  const floor = async () => {
    const { ms: took } = await time(async () => {
      const scratch = await PGlite.create({ postgresqlconf: ['max_locks_per_transaction = 1024'] });
      await scratch.exec('BEGIN');
      await scratch.exec(ddl);
      await scratch.exec('ROLLBACK');
      await scratch.close();
    });
    return took;
  };
  const check = async () => {
    const { ms: took, value } = await time(async () => {
      const result = await checkDocuments([{ file: 'bench.md', text: markdown }]);
      await closeScratchDatabases();
      return formatJson(result.diagnostics).length;
    });
    if (!value) throw new Error('check produced no report');
    return took;
  };
  const floorTimes = [await floor()];
  const checkTimes = [await check(), await check()];
  floorTimes.push(await floor());
  row(`check, ${size} tables`, ms(Math.min(...checkTimes)), 'scratch PGlite running the DDL', ms(Math.min(...floorTimes)),
    ratio(Math.min(...checkTimes), Math.min(...floorTimes)), '1.5×');
}

const header = ['work', 'schemadoc', 'baseline', 'baseline time', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
