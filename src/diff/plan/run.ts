// Runs a plan on a database: every change in one transaction, each statement under a lock
// timeout and a statement timeout (a change waits seconds for a lock, never blocks a busy
// table for minutes); what PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY)
// runs after the commit, one statement at a time.
import { asPostgresError, type Database, type PostgresError } from '../../pg/database.js';
import type { Change, Plan } from './change.js';
import { PLAN_SETTINGS } from './script.js';

export interface RunOptions {
  /** `5s`, `500ms`: how long a statement waits for a lock before the plan fails. */
  lockTimeout?: string;
  /** How long one statement may run (`0`: no limit). */
  statementTimeout?: string;
  /** Aborted (Ctrl-C): the transaction is rolled back instead of committed. */
  signal?: AbortSignal;
  progress?: (what: string, done: number, total: number) => void;
}

export interface RunOutcome {
  ok: boolean;
  /** The change PostgreSQL refused, and why: nothing of the transaction was committed. */
  failed?: { change: Change; error: PostgresError };
  /** Stopped by the signal: nothing was committed. */
  interrupted?: boolean;
  /** Changes run after the commit (outside a transaction) that did not run. */
  notRun: Change[];
}

export const DEFAULT_LOCK_TIMEOUT = '5s';

export async function runPlan(db: Database, plan: Plan, options: RunOptions = {}): Promise<RunOutcome> {
  const inside = plan.changes.filter((c) => !c.outsideTransaction);
  const outside = plan.changes.filter((c) => c.outsideTransaction);
  const timeouts = [
    `SET LOCAL lock_timeout = '${options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT}';`,
    `SET LOCAL statement_timeout = '${options.statementTimeout ?? '0'}';`,
  ];
  await db.exec('BEGIN');
  let current: Change | undefined;
  try {
    await db.exec([...PLAN_SETTINGS.map((s) => s.replace(/^SET /, 'SET LOCAL ')), ...timeouts].join('\n'));
    for (const [i, change] of inside.entries()) {
      if (options.signal?.aborted) {
        await db.exec('ROLLBACK');
        return { ok: false, interrupted: true, notRun: outside };
      }
      current = change;
      await db.exec(change.statements.join('\n'));
      options.progress?.('changes applied', i + 1, inside.length);
    }
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => {});
    if (options.signal?.aborted) return { ok: false, interrupted: true, notRun: outside };
    return { ok: false, failed: { change: current!, error: asPostgresError(error) }, notRun: outside };
  }
  for (const [i, change] of outside.entries()) {
    try {
      await db.exec([...PLAN_SETTINGS, `SET lock_timeout = '${options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT}';`].join('\n'));
      // One statement a call: several in one call are one implicit transaction.
      for (const statement of change.statements) await db.exec(statement);
    } catch (error) {
      return { ok: false, failed: { change, error: asPostgresError(error) }, notRun: outside.slice(i) };
    }
  }
  return { ok: true, notRun: [] };
}
