// migrate up and down: each migration in its own transaction with its history row, so that a
// migration that fails leaves the database at the one before it and the history saying so;
// all under the advisory lock, so that two runners never interleave (the second waits, then
// finds nothing left to do).
import { asPostgresError, type Database, type PostgresError } from '../pg/database.js';
import { DEFAULT_LOCK_TIMEOUT } from '../diff/plan/run.js';
import { migrationParts, type MigrationFile } from './files.js';
import { appliedMigrations, recordApplied, recordUndone, withMigrationLock, type Applied } from './history.js';

export interface MigrateOptions {
  /** Up to and including the migration whose id starts with this; down: how many. */
  to?: string;
  steps?: number;
  lockTimeout?: string;
  signal?: AbortSignal;
  /** Told as each migration is done. */
  done?: (id: string, ms: number) => void;
}

export interface MigrateOutcome {
  /** Ids applied (up) or undone (down), in order. */
  ran: string[];
  failed?: { id: string; error: PostgresError; committed: boolean };
  /** Applied migrations whose file changed since: nothing is run. */
  changed: string[];
  /** Applied migrations with no file (down needs the file). */
  missing: string[];
  interrupted?: boolean;
}

export async function migrateUp(db: Database, files: MigrationFile[], options: MigrateOptions = {}): Promise<MigrateOutcome> {
  return withMigrationLock(db, async () => {
    const applied = await appliedMigrations(db);
    const changed = changedFiles(files, applied);
    if (changed.length) return { ran: [], changed, missing: [] };
    const pending = pendingFiles(files, applied, options.to);
    const ran: string[] = [];
    for (const file of pending) {
      if (options.signal?.aborted) return { ran, changed: [], missing: [], interrupted: true };
      const failed = await runMigration(db, file.id, file.up, (ms) => recordApplied(file.id, file.checksum, ms), options);
      if (failed) return { ran, changed: [], missing: [], ...failed };
      ran.push(file.id);
    }
    return { ran, changed: [], missing: [] };
  });
}

/** The files not applied, in order, up to and including the one whose id starts with `to`. */
export function pendingFiles(files: MigrationFile[], applied: Applied[], to?: string): MigrationFile[] {
  const done = new Set(applied.map((a) => a.id));
  const pending = files.filter((f) => !done.has(f.id));
  if (!to) return pending;
  const last = pending.findIndex((f) => f.id.startsWith(to));
  return last < 0 ? [] : pending.slice(0, last + 1);
}

export async function migrateDown(db: Database, files: MigrationFile[], options: MigrateOptions = {}): Promise<MigrateOutcome> {
  return withMigrationLock(db, async () => {
    const applied = await appliedMigrations(db);
    const changed = changedFiles(files, applied);
    const last = applied.slice(-(options.steps ?? 1)).reverse();
    const byId = new Map(files.map((f) => [f.id, f]));
    const missing = last.filter((a) => !byId.get(a.id)?.down).map((a) => a.id);
    if (changed.length || missing.length) return { ran: [], changed, missing };
    const ran: string[] = [];
    for (const a of last) {
      if (options.signal?.aborted) return { ran, changed: [], missing: [], interrupted: true };
      const failed = await runMigration(db, a.id, byId.get(a.id)!.down!, () => recordUndone(a.id), options);
      if (failed) return { ran, changed: [], missing: [], ...failed };
      ran.push(a.id);
    }
    return { ran, changed: [], missing: [] };
  });
}

/** The migration and its history row in one transaction; then what cannot run in one, each alone. */
async function runMigration(
  db: Database, id: string, sql: string, history: (ms: number) => string, options: MigrateOptions,
): Promise<Pick<MigrateOutcome, 'failed' | 'interrupted'> | undefined> {
  const { inside, outside } = migrationParts(sql);
  const started = performance.now();
  try {
    await db.exec('BEGIN');
    await db.exec(`SET LOCAL lock_timeout = '${options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT}'`);
    await db.exec(inside);
    if (options.signal?.aborted) {
      await db.exec('ROLLBACK');
      return { interrupted: true };
    }
    await db.exec(history(performance.now() - started));
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => {});
    if (options.signal?.aborted) return { interrupted: true };
    return { failed: { id, error: asPostgresError(error), committed: false } };
  }
  for (const statement of outside) {
    try {
      await db.exec(statement);
    } catch (error) {
      return { failed: { id, error: asPostgresError(error), committed: true } };
    }
  }
  options.done?.(id, performance.now() - started);
  return undefined;
}

function changedFiles(files: MigrationFile[], applied: Applied[]): string[] {
  const byId = new Map(files.map((f) => [f.id, f]));
  return applied.filter((a) => byId.has(a.id) && byId.get(a.id)!.checksum !== a.checksum).map((a) => a.id);
}

export interface MigrationStatus {
  id: string;
  state: 'applied' | 'pending' | 'changed' | 'no file';
  appliedAt?: string;
}

export async function migrationStatus(db: Database, files: MigrationFile[]): Promise<MigrationStatus[]> {
  const applied = new Map((await appliedMigrations(db)).map((a) => [a.id, a]));
  const rows: MigrationStatus[] = files.map((f) => {
    const a = applied.get(f.id);
    if (!a) return { id: f.id, state: 'pending' };
    return { id: f.id, state: a.checksum === f.checksum ? 'applied' : 'changed', appliedAt: a.applied_at };
  });
  for (const [id, a] of applied) if (!files.some((f) => f.id === id)) rows.push({ id, state: 'no file', appliedAt: a.applied_at });
  return rows.sort((x, y) => x.id.localeCompare(y.id));
}
