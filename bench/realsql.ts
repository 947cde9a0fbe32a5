// A real schema file on a PostgreSQL server: `schemadoc apply` and `schemadoc check --db` of
// lago.sql (a 534 KB pg_dump of 139 tables and 765 indexes), each a command in a fresh process,
// next to `psql -f` of the same file, each into a fresh database, in turns.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { median } from './median.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = `${ROOT}dist/src/cli/main.js`;
const PEAK = fileURLToPath(new URL('./peak-memory.js', import.meta.url));
const PARSE = fileURLToPath(new URL('./parse-file.js', import.meta.url));
export const LAGO = `${ROOT}test/fixtures/realsql/lago.sql`;
const RUNS = 3;

export interface CommandTiming {
  ms: number;
  /** Peak resident memory of the process, in MB (schemadoc's commands only). */
  peakMb?: number;
}

export function psql(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (existsSync(`${dir}/psql`)) return `${dir}/psql`;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
  return versions.map((v) => `/usr/lib/postgresql/${v}/bin/psql`).find(existsSync);
}

export async function withDatabase<T>(url: string, work: (url: string) => T | Promise<T>): Promise<T> {
  const name = `schemadoc_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    return await work(target.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * A command's wall time (spawn to exit), and its peak memory when `peak` says where to find it;
 * an exit status not in `ok` is an error.
 */
export function timed(command: string, args: string[], peak: boolean, ok: number[] = [0]): CommandTiming {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  if (!ok.includes(run.status ?? -1)) {
    throw new Error(`${command} ${args.join(' ')} failed: ${(run.stderr || run.stdout).slice(0, 500)}`);
  }
  const peakMb = peak ? Number(/peak memory (\d+) MB/.exec(run.stderr)?.[1]) : undefined;
  return peakMb ? { ms, peakMb } : { ms };
}

export interface RealSqlTimings {
  /** `schemadoc sql` (read, model, script) and a bare libpg-query parse of the file, each a fresh process. */
  read: CommandTiming[];
  parse: CommandTiming[];
  apply: CommandTiming[];
  check: CommandTiming[];
  psql: CommandTiming[];
}

/** The reading: no server needed. */
export function timeLagoReading(): Pick<RealSqlTimings, 'read' | 'parse'> {
  const timings = { read: [] as CommandTiming[], parse: [] as CommandTiming[] };
  for (let i = 0; i < RUNS; i++) {
    timings.parse.push(timed(process.execPath, [PARSE, LAGO], false));
    timings.read.push(timed(process.execPath, ['--import', PEAK, CLI, 'sql', LAGO], true));
  }
  return timings;
}

/** `RUNS` of each, in turns; needs a server (`url`) with pg_partman and unaccent, and psql. */
export async function timeLago(url: string | undefined): Promise<Omit<RealSqlTimings, 'read' | 'parse'> | { skipped: string }> {
  if (!url) return { skipped: 'no server: set SCHEMADOC_BENCH_DATABASE_URL (or SCHEMADOC_TEST_DATABASE_URL)' };
  const client = psql();
  if (!client) return { skipped: 'psql is not installed' };
  const node = (args: string[]) => ['--import', PEAK, CLI, ...args];
  const timings = { apply: [] as CommandTiming[], check: [] as CommandTiming[], psql: [] as CommandTiming[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      timings.psql.push(await withDatabase(url, (db) => timed(client, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db, '-f', LAGO], false)));
      timings.apply.push(await withDatabase(url, (db) => timed(process.execPath, node(['apply', LAGO, '--db', db]), true)));
      timings.check.push(await withDatabase(url, (db) => timed(process.execPath, node(['check', LAGO, '--db', db, '--quiet']), true)));
    }
  } catch (error) {
    return { skipped: (error as Error).message.split('\n')[0]! };
  }
  return timings;
}

export const medianMs = (timings: CommandTiming[]) => median(timings.map((t) => t.ms));
export const medianPeak = (timings: CommandTiming[]) => median(timings.map((t) => t.peakMb ?? 0));
