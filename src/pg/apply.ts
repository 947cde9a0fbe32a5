// Runs the emitted DDL in one transaction: all of it, or (after a failure) none of it.
import type { Diagnostic } from '../schema/diagnostic.js';
import { asPostgresError, type Database, type PostgresError } from './database.js';
import type { StatementKind } from '../schema/model.js';
import type { DdlStatement } from './emit.js';

export interface ApplyOptions {
  /** Create every object that can be created, skipping (and listing) the others. */
  force?: boolean;
  /** Aborted (Ctrl-C): the transaction is rolled back instead of committed. */
  signal?: AbortSignal;
  /** Told how many statements have run, as they run. */
  progress?: (what: string, done: number, total: number) => void;
}

/** Statements sent in one round trip: few enough that progress can be told, many enough to cost nothing. */
const CHUNK = 500;

export interface ApplyOutcome {
  ok: boolean;
  /** Objects created, by kind (only when committed). */
  created: Partial<Record<StatementKind, number>>;
  /** With --force: the statements left out, each with a diagnostic. */
  skipped: DdlStatement[];
  /** Stopped by the signal: nothing was committed. */
  interrupted?: boolean;
  diagnostics: Diagnostic[];
  milliseconds: number;
}

export async function applyStatements(db: Database, statements: DdlStatement[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const started = performance.now();
  const { signal } = options;
  // A server's statement in flight is left to the server, which rolls back what a closed connection had not committed.
  const abandon = () => void db.close().catch(() => {});
  if (db.kind === 'server') signal?.addEventListener('abort', abandon, { once: true });
  try {
    const outcome = options.force ? await applyEach(db, statements, options) : await applyAll(db, statements, options);
    return { ...outcome, milliseconds: performance.now() - started };
  } catch (error) {
    if (signal?.aborted) return { ...INTERRUPTED, milliseconds: performance.now() - started };
    throw error;
  } finally {
    signal?.removeEventListener('abort', abandon);
  }
}

const INTERRUPTED = { ok: false, interrupted: true, created: {}, skipped: [], diagnostics: [] };

/**
 * Whether the signal came. The embedded database runs a script in calls that hold the thread,
 * so a Ctrl-C during them is heard only when the event loop next polls for input. A timer
 * callback runs before that poll of its turn of the loop and an immediate after it: waiting
 * for one, then the other, is waiting for the poll (whatever the held thread left behind).
 */
async function stopped(signal: AbortSignal | undefined): Promise<boolean> {
  if (!signal) return false;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setImmediate(resolve));
  return signal.aborted;
}

/** The fast path: a round trip per chunk. Only when it fails are statements run one by one to find the culprit. */
async function applyAll(db: Database, statements: DdlStatement[], { signal, progress }: ApplyOptions): Promise<Omit<ApplyOutcome, 'milliseconds'>> {
  await db.exec('BEGIN');
  try {
    for (let i = 0; i < statements.length; i += CHUNK) {
      await db.exec(statements.slice(i, i + CHUNK).map((s) => s.sql).join('\n'));
      progress?.('statements applied', Math.min(i + CHUNK, statements.length), statements.length);
    }
    if (await stopped(signal)) {
      await db.exec('ROLLBACK');
      return INTERRUPTED;
    }
    await db.exec('COMMIT');
    return { ok: true, created: countByKind(statements), skipped: [], diagnostics: [] };
  } catch (error) {
    if (signal?.aborted) throw error;
    await db.exec('ROLLBACK');
    const failure = await findFailure(db, statements);
    return {
      ok: false, created: {}, skipped: [],
      diagnostics: [failure ? statementFailed(failure.statement, failure.error, 'error') : {
        code: 'SD301', severity: 'error', message: `the database refused the schema: ${asPostgresError(error).message}`,
      }],
    };
  }
}

async function findFailure(db: Database, statements: DdlStatement[]): Promise<{ statement: DdlStatement; error: PostgresError } | undefined> {
  await db.exec('BEGIN');
  try {
    for (const statement of statements) {
      try {
        await db.exec(statement.sql);
      } catch (error) {
        return { statement, error: asPostgresError(error) };
      }
    }
    return undefined;
  } finally {
    await db.exec('ROLLBACK');
  }
}

async function applyEach(db: Database, statements: DdlStatement[], { signal, progress }: ApplyOptions): Promise<Omit<ApplyOutcome, 'milliseconds'>> {
  const applied: DdlStatement[] = [];
  const skipped: DdlStatement[] = [];
  const diagnostics: Diagnostic[] = [];
  await db.exec('BEGIN');
  try {
    for (const statement of statements) {
      if (signal?.aborted) {
        await db.exec('ROLLBACK');
        return INTERRUPTED;
      }
      await db.exec('SAVEPOINT schemadoc_object');
      try {
        await db.exec(statement.sql);
        await db.exec('RELEASE SAVEPOINT schemadoc_object');
        applied.push(statement);
      } catch (error) {
        await db.exec('ROLLBACK TO SAVEPOINT schemadoc_object');
        skipped.push(statement);
        diagnostics.push(statementFailed(statement, asPostgresError(error), 'warning'));
      }
      progress?.('statements applied', applied.length + skipped.length, statements.length);
    }
    if (await stopped(signal)) {
      await db.exec('ROLLBACK');
      return INTERRUPTED;
    }
    await db.exec('COMMIT');
  } catch (error) {
    if (!signal?.aborted) await db.exec('ROLLBACK').catch(() => {});
    throw error;
  }
  return { ok: true, created: countByKind(applied), skipped, diagnostics };
}

function statementFailed(statement: DdlStatement, error: PostgresError, severity: 'error' | 'warning'): Diagnostic {
  const hint = hintFor(error);
  return {
    code: 'SD300',
    severity,
    message: `${severity === 'warning' ? 'skipped ' : 'cannot create '}${statement.kind} ${statement.name}: ${error.message}`
      + (error.detail ? ` (${error.detail})` : '')
      + (hint ? `. ${hint}` : ''),
    span: statement.spans[0],
  };
}

function hintFor(error: PostgresError): string | undefined {
  switch (error.code) {
    case '42P07':
    case '42710':
      return 'The database already has it: apply creates a schema in an empty database (--reset starts the embedded one afresh)';
    case '53200':
      return 'One transaction holds a lock per object: raise max_locks_per_transaction on the server (e.g. to 1024) and restart it';
    default:
      return error.hint;
  }
}

function countByKind(statements: DdlStatement[]): Partial<Record<StatementKind, number>> {
  const counts: Partial<Record<StatementKind, number>> = {};
  for (const s of statements) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  return counts;
}
