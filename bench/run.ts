// npm run bench: schemadoc's figures next to the bare baselines, measured in one run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateDocument } from './generate.js';
import { median } from './median.js';
import type { Timing } from './measure.js';
import { timeDiff } from './diff.js';
import { timeIntrospection } from './introspect.js';
import { medianMs, medianPeak, timeLago, timeLagoReading, type CommandTiming } from './realsql.js';
import { timeSmall } from './small.js';
import { TARGETS, timeTypeScript } from './typescript.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number).filter((n) => n > 0);

const MEASURE = fileURLToPath(new URL('./measure.js', import.meta.url));

/** One `measure.ts` run in a fresh process (with this one's flags: `--expose-gc`). */
function measure(mode: string, size: number): Timing {
  return JSON.parse(execFileSync(process.execPath, [...process.execArgv, MEASURE, mode, String(size)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
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

// A small document, each command a fresh process: what a person waits for many times a day.
const serverUrl = process.env.SCHEMADOC_BENCH_DATABASE_URL ?? process.env.SCHEMADOC_TEST_DATABASE_URL;
const small = await timeSmall(serverUrl);
const withPeak = (t: CommandTiming[]) => `${ms(medianMs(t))}, ${medianPeak(t)} MB`;
const bare = (t: CommandTiming[]) => `${ms(medianMs(t))}, ${medianPeak(t)} MB`;
const psqlSmall = small.psql.length ? `; psql -f ${ms(medianMs(small.psql))}` : '';
row('check seed 000 (24 KB, 21 tables)', withPeak(small.check), `PGlite.create() in memory + exec of its SQL${psqlSmall}`, bare(small.pgliteMemory), ratio(medianMs(small.check), medianMs(small.pgliteMemory)), '1.2 s, 300 MB');
row('check --no-execute seed 000', withPeak(small.checkNoExecute), '', '', '', '0.4 s');
row('apply seed 000 into a new --data-dir', withPeak(small.applyNew), `PGlite.create() in memory + exec${psqlSmall}`, bare(small.pgliteMemory), ratio(medianMs(small.applyNew), medianMs(small.pgliteMemory)), '1.5 s, 350 MB');
row('apply seed 000 into an existing empty --data-dir', withPeak(small.applyExisting), 'PGlite.create({ dataDir }) of it + exec', bare(small.pgliteExisting), ratio(medianMs(small.applyExisting), medianMs(small.pgliteExisting)), '1.2 s');

/** check's time by document size, for the rows that contain a check's work. */
const checkOf = new Map<number, number>();
for (const size of SIZES) {
  const mb = (Buffer.byteLength(generateDocument(size).markdown) / 1e6).toFixed(1);

  // Warm, in three processes: one process can run its two threads slower throughout (one of
  // the two cores slower than the other), which a single process would report as schemadoc's.
  // The process with the middle ratio is shown.
  const warm = inTurns(3, ['read-warm'], size).get('read-warm')!;
  const typical = warm.sort((x, y) => x.ms / x.baseMs! - y.ms / y.baseMs!)[Math.floor(warm.length / 2)]!;
  row(`read + model, ${size} tables (${mb} MB)`, ms(typical.ms), `libpg-query parse of the same SQL`, ms(typical.baseMs!), ratio(typical.ms, typical.baseMs!), '1.5×');
  // Cold: what one command sees, the first reading (and parse) in a fresh process.
  const first = inTurns(size <= 1000 ? 5 : 3, ['parse-first', 'read-first'], size);
  const [parseFirst, readFirst] = [median(first.get('parse-first')!.map((t) => t.ms)), median(first.get('read-first')!.map((t) => t.ms))];
  row(`first reading in a process, ${size} tables`, ms(readFirst), 'first libpg-query parse in a process', ms(parseFirst), ratio(readFirst, parseFirst), '');

  // Database figures: each run in a fresh process, the best of each kept. The same DDL in
  // PGlite varies by ±15% from one process to the next, so the small size, cheap to repeat,
  // is run more often; with two runs at 5,000 tables, apply and its exec were 0.96–1.10×.
  const runs = size <= 1000 ? 5 : 3;
  const apply = inTurns(runs, ['exec-alike', 'apply', 'create-exec'], size);
  const [applied, execAlike] = [best(apply.get('apply')!), best(apply.get('exec-alike')!)];
  row(`apply on PGlite, ${size} tables`, ms(applied), 'PGlite exec of the same DDL, database opened alike', ms(execAlike), ratio(applied, execAlike), '1.1×');
  const [openApply, createExec] = [best(apply.get('apply')!, withOpening), best(apply.get('create-exec')!, withOpening)];
  row(`open + apply on PGlite, ${size} tables`, ms(openApply), 'PGlite.create, then exec of the DDL', ms(createExec), ratio(openApply, createExec), '');
  const check = inTurns(runs, ['floor', 'check'], size);
  const [checked, floor] = [best(check.get('check')!), best(check.get('floor')!)];
  row(`check, ${size} tables`, ms(checked), 'scratch PGlite running the DDL', ms(floor), ratio(checked, floor), '1.5×');
  checkOf.set(size, checked);
}

// A real pg_dump, each command in a fresh process: what a person waits for.
const reading = timeLagoReading();
row('read lago.sql (534 KB): schemadoc sql', withPeak(reading.read), 'libpg-query parse of the file', ms(medianMs(reading.parse)), ratio(medianMs(reading.read), medianMs(reading.parse)), '');
const server = await timeLago(serverUrl);
if ('skipped' in server) {
  row('apply and check lago.sql on a server', 'skipped', server.skipped, '', '', '');
} else {
  const psql = medianMs(server.psql);
  row('apply lago.sql --db (server)', withPeak(server.apply), 'psql -f lago.sql', ms(psql), ratio(medianMs(server.apply), psql), '1.5×');
  row('check lago.sql --db (server)', withPeak(server.check), 'psql -f lago.sql', ms(psql), ratio(medianMs(server.check), psql), '3×');
}

// A live database: introspection and verify of 1,000 tables on the server.
const live = await timeIntrospection(serverUrl);
if ('skipped' in live) {
  row('introspect and verify a 1000-table database', 'skipped', live.skipped, '', '', '');
} else {
  const [mine, whole, dump] = [medianMs(live.schemadoc), medianMs(live.schemadocWall), medianMs(live.pgDump)];
  row('introspect a 1000-table server database', ms(mine), 'pg-structure (connect to model)', ms(medianMs(live.pgStructure)), ratio(mine, medianMs(live.pgStructure)), '300 ms');
  row('  the same, whole process', ms(whole), 'pg_dump --schema-only (process)', ms(dump), ratio(whole, dump), '');
  row('  the same, connect to model', ms(mine), 'four bare catalog queries (connect to rows)', ms(medianMs(live.bare)), ratio(mine, medianMs(live.bare)), '');
  const check = checkOf.get(1000);
  row('verify its document against it', withPeak(live.verify), 'check of the document (its scratch run), above', check ? ms(check) : '', check ? ratio(medianMs(live.verify), check) : '', '2 s');
}

// Changes: diff of two 5,000-table documents that differ in 1% of their tables.
const DIFF_TABLES = Number(process.env.BENCH_DIFF_TABLES ?? 5000);
if (DIFF_TABLES > 0) {
  const changes = timeDiff(DIFF_TABLES);
  const reading = changes.read.reduce((n, t) => n + t.ms, 0);
  row(`diff two ${DIFF_TABLES}-table documents (1% of tables changed)`, `${ms(changes.diff.ms)}, ${changes.diff.peakMb} MB`, 'schemadoc sql of each (reading both)', ms(reading), ratio(changes.diff.ms, reading), '2 s');
}

// Generated TypeScript: every target for the 1,000-table document, and tsc of what was written.
const TS_TABLES = Number(process.env.BENCH_TYPESCRIPT_TABLES ?? 1000);
if (TS_TABLES > 0) {
  const ts = await timeTypeScript(TS_TABLES, serverUrl);
  const codegen = ts.kyselyCodegen;
  for (const target of TARGETS) {
    const t = ts.generate[target];
    row(`generate ${target}, ${TS_TABLES} tables`, `${ms(t.ms)}, ${t.peakMb} MB`, target === 'kysely' && codegen ? 'kysely-codegen from the applied server database' : '',
      target === 'kysely' && codegen ? `${ms(codegen.ms)}, ${codegen.peakMb} MB` : '', target === 'kysely' && codegen ? ratio(t.ms, codegen.ms) : '', '');
  }
  if (ts.onServer && codegen) {
    row(`generate kysely --scratch-db (server), ${TS_TABLES} tables`, `${ms(ts.onServer.ms)}, ${ts.onServer.peakMb} MB`, 'kysely-codegen from the applied server database',
      `${ms(codegen.ms)}, ${codegen.peakMb} MB`, ratio(ts.onServer.ms, codegen.ms), '');
  }
  row(`tsc --strict --noEmit of generated kysely, ${TS_TABLES} tables`, `${ms(ts.tscKysely.ms)}, ${ts.tscKysely.peakMb} MB`, `tsc of the same tables as kysely-codegen writes them (${ts.theirs})`,
    `${ms(ts.tscTheirs.ms)}, ${ts.tscTheirs.peakMb} MB`, ratio(ts.tscKysely.ms, ts.tscTheirs.ms), '');
  row(`tsc --strict --noEmit of the four, ${TS_TABLES} tables`, `${ms(ts.tscOurs.ms)}, ${ts.tscOurs.peakMb} MB`, `tsc of the same tables as kysely-codegen writes them (${ts.theirs})`,
    `${ms(ts.tscTheirs.ms)}, ${ts.tscTheirs.peakMb} MB`, ratio(ts.tscOurs.ms, ts.tscTheirs.ms), '');
}

const header = ['work', 'schemadoc', 'baseline', 'baseline time', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
