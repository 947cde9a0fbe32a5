// npm run bench: schemadoc's figures next to the bare baselines, measured in one run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadModule, parseSync } from 'libpg-query';
import { compileDocuments } from '../src/compile.js';
import { generateDocument } from './generate.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const READ_RUNS = 7;

/** Milliseconds of one run, after a full collection so that no run pays for the garbage of another. */
async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

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
  const median = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(runs / 2)]!;
  return [median(times[0]), median(times[1])];
}

const MEASURE = fileURLToPath(new URL('./measure.js', import.meta.url));

/** Milliseconds of one `measure.ts` run in a fresh process. */
function measure(mode: string, size: number): number {
  return Number(execFileSync(process.execPath, [MEASURE, mode, String(size)], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim());
}

const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

await loadModule();
for (const size of SIZES) {
  const { markdown, sql } = generateDocument(size);
  const mb = (Buffer.byteLength(markdown) / 1e6).toFixed(1);

  // One run of each first: both are timed warm.
  parseSync(sql);
  let compiled = await compileDocuments([{ file: 'bench.md', text: markdown }]);
  const [bareParse, read] = await medians(READ_RUNS, () => parseSync(sql), async () => {
    compiled = await compileDocuments([{ file: 'bench.md', text: markdown }]);
  });
  if (compiled.schema.tables.length !== size) throw new Error(`read ${compiled.schema.tables.length} tables, expected ${size}`);
  row(`read + model, ${size} tables (${mb} MB)`, ms(read), `libpg-query parse of the same SQL`, ms(bareParse), ratio(read, bareParse), '1.5×');

  // Database figures: each run in a fresh process, alternating (baseline, schemadoc,
  // schemadoc, baseline …), the best of each kept. The same DDL in PGlite varies by ±15%
  // from one process to the next, so the small size, cheap to repeat, is run more often.
  const pair = (baseline: string, ours: string) => {
    const b: number[] = [];
    const o: number[] = [];
    for (let i = 0; i < (size <= 1000 ? 5 : 2); i++) {
      if (i % 2 === 0) b.push(measure(baseline, size));
      o.push(measure(ours, size));
      if (i % 2 === 1) b.push(measure(baseline, size));
    }
    return { ours: Math.min(...o), baseline: Math.min(...b) };
  };
  const apply = pair('bare-exec', 'apply');
  row(`apply on PGlite, ${size} tables`, ms(apply.ours), 'PGlite exec of the same DDL', ms(apply.baseline), ratio(apply.ours, apply.baseline), '1.1×');
  const check = pair('floor', 'check');
  row(`check, ${size} tables`, ms(check.ours), 'scratch PGlite running the DDL', ms(check.baseline), ratio(check.ours, check.baseline), '1.5×');
}

const header = ['work', 'schemadoc', 'baseline', 'baseline time', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
