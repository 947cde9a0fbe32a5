// A small document as a person waits for it, many times a day: seed 000 (24 KB, 21 tables),
// each command a fresh process timed from spawn to exit with its peak memory, the median of
// five in turns, next to the bare baselines of the same SQL.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateDirectory } from '../src/pg/template.js';
import { CLI, psql, timed, withDatabase, type CommandTiming } from './realsql.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED = `${ROOT}test/fixtures/seeds/000_ed0fbf88c04875e9.txt`;
const PEAK = fileURLToPath(new URL('./peak-memory.js', import.meta.url));
const PGLITE_EXEC = fileURLToPath(new URL('./pglite-exec.js', import.meta.url));
const RUNS = 5;

export type SmallTimings = Record<'check' | 'checkNoExecute' | 'applyNew' | 'applyExisting' | 'pgliteMemory' | 'pgliteExisting' | 'psql', CommandTiming[]>;

export async function timeSmall(url: string | undefined): Promise<SmallTimings> {
  const work = mkdtempSync(join(tmpdir(), 'schemadoc-bench-'));
  const sql = join(work, 'seed.sql');
  writeFileSync(sql, execFileSync(process.execPath, [CLI, 'sql', SEED], { encoding: 'utf8' }));
  const node = (args: string[]) => ['--import', PEAK, CLI, ...args];
  const client = url ? psql() : undefined;
  const timings: SmallTimings = { check: [], checkNoExecute: [], applyNew: [], applyExisting: [], pgliteMemory: [], pgliteExisting: [], psql: [] };
  /** An existing embedded database with nothing in it. */
  const existing = (name: string) => {
    const dir = join(work, name);
    cpSync(templateDirectory()!, dir, { recursive: true });
    return dir;
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      // The first check makes the template, if no command has yet.
      timings.check.push(timed(process.execPath, node(['check', SEED, '--quiet']), true, [0, 1]));
      timings.checkNoExecute.push(timed(process.execPath, node(['check', SEED, '--no-execute', '--quiet']), true, [0, 1]));
      timings.applyNew.push(timed(process.execPath, node(['apply', SEED, '--data-dir', join(work, `new-${i}`)]), true));
      timings.applyExisting.push(timed(process.execPath, node(['apply', SEED, '--data-dir', existing(`existing-${i}`)]), true));
      timings.pgliteMemory.push(timed(process.execPath, ['--import', PEAK, PGLITE_EXEC, 'memory', sql], true));
      timings.pgliteExisting.push(timed(process.execPath, ['--import', PEAK, PGLITE_EXEC, existing(`bare-${i}`), sql], true));
      if (client) timings.psql.push(await withDatabase(url!, (db) => timed(client, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db, '-f', sql], false)));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return timings;
}

