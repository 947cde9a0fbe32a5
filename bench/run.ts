// npm run bench: schemadoc's figures next to the bare baselines, measured in one run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadModule, parseSync } from 'libpg-query';
import { compileDocuments } from '../src/compile.js';
import { generateDocument } from './generate.js';
import type { Timing } from './measure.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
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
async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;

/**
 * The median of `runs` runs of each, taken in turns (a, b, a, b …): the machine's speed
 * drifts over seconds, and turns give both the same conditions.
 */
async function medians(runs: number, a: () => unknown, b: () => unknown): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    times[0].push(await time(a));
    times[1].push(await time(b));
  }
  return [median(times[0]), median(times[1])];
}

const MEASURE = fileURLToPath(new URL('./measure.js', import.meta.url));

/** One `measure.ts` run in a fresh process. */
function measure(mode: string, size: number): Timing {
  return JSON.parse(execFileSync(process.execPath, [MEASURE, mode, String(size)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

/** `runs` fresh processes of each mode, the modes in turns and their order reversed every other run. */
function inTurns(runs: number, modes: string[], size: number): Map<string, Timing[]> {
  const timings = new Map<string, Timing[]>(modes.map((m) => [m, []]));
  for (let i = 0; i < runs; i++) {
    for (const mode of i % 2 ? [...modes].reverse() : modes) timings.get(mode)!.push(measure(mode, size));
  }
  return timings;
}

const best = (timings: Timing[], of: (t: Timing) => number = (t) => t.ms) => Math.min(...timings.map(of));
const withOpening = (t: Timing) => (t.openMs ?? 0) + t.ms;

const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

await loadModule();
for (const size of SIZES) {
  const { markdown, sql } = generateDocument(size);
  const mb = (Buffer.byteLength(markdown) / 1e6).toFixed(1);

  // Warm: both are timed once V8 has optimized them.
  let compiled;
  for (let i = 0; i < WARM_UP; i++) {
    parseSync(sql);
    compiled = await compileDocuments([{ file: 'bench.md', text: markdown }]);
  }
  const [bareParse, read] = await medians(READ_RUNS, () => parseSync(sql), async () => {
    compiled = await compileDocuments([{ file: 'bench.md', text: markdown }]);
  });
  if (compiled?.schema.tables.length !== size) throw new Error(`read ${compiled?.schema.tables.length} tables, expected ${size}`);
  row(`read + model, ${size} tables (${mb} MB)`, ms(read), `libpg-query parse of the same SQL`, ms(bareParse), ratio(read, bareParse), '1.5×');
  // Cold: what one command sees, the first reading (and parse) in a fresh process.
  const first = inTurns(size <= 1000 ? 5 : 3, ['parse-first', 'read-first'], size);
  const [parseFirst, readFirst] = [median(first.get('parse-first')!.map((t) => t.ms)), median(first.get('read-first')!.map((t) => t.ms))];
  row(`first reading in a process, ${size} tables`, ms(readFirst), 'first libpg-query parse in a process', ms(parseFirst), ratio(readFirst, parseFirst), '');

  // Database figures: each run in a fresh process, the best of each kept. The same DDL in
  // PGlite varies by ±15% from one process to the next, so the small size, cheap to repeat,
  // is run more often.
  const runs = size <= 1000 ? 5 : 2;
  const apply = inTurns(runs, ['exec-alike', 'apply', 'create-exec'], size);
  const [applied, execAlike] = [best(apply.get('apply')!), best(apply.get('exec-alike')!)];
  row(`apply on PGlite, ${size} tables`, ms(applied), 'PGlite exec of the same DDL, database opened alike', ms(execAlike), ratio(applied, execAlike), '1.1×');
  const [openApply, createExec] = [best(apply.get('apply')!, withOpening), best(apply.get('create-exec')!, withOpening)];
  row(`open + apply on PGlite, ${size} tables`, ms(openApply), 'PGlite.create, then exec of the DDL', ms(createExec), ratio(openApply, createExec), '');
  const check = inTurns(runs, ['floor', 'check'], size);
  const [checked, floor] = [best(check.get('check')!), best(check.get('floor')!)];
  row(`check, ${size} tables`, ms(checked), 'scratch PGlite running the DDL', ms(floor), ratio(checked, floor), '1.5×');
}

const header = ['work', 'schemadoc', 'baseline', 'baseline time', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
