import { parseArgs } from 'node:util';
import { closeScratchDatabases } from '../check/execute.js';
import { planChanges } from '../diff/plan/plan.js';
import { reversed, type RenameSpec } from '../diff/plan/renames.js';
import { readSide } from '../diff/sides.js';
import { DEFAULT_MIGRATIONS_DIR, migrationFiles, migrationId, migrationSql, writeMigration } from '../migrate/files.js';
import { migrateDown, migrateUp, migrationStatus, type MigrateOutcome } from '../migrate/run.js';
import { provePending } from '../migrate/prove.js';
import { MigrationError, migrationsState } from '../migrate/state.js';
import { proved } from '../diff/prove/prove.js';
import { DEFAULT_DATA_DIR, openDatabase, type Database } from '../pg/database.js';
import { extensionsFor } from '../pg/supabase.js';
import { planSummary, prettyPlan, proofSummary } from '../report/plan.js';
import { plural } from '../report/pretty.js';
import { parseRenames } from './diff.js';
import { Interrupt } from './interrupt.js';
import { readDocuments } from './load.js';
import { report } from './output.js';
import { EXIT, UsageError } from './usage.js';

export const migrateHelp = `schemadoc migrate new NAME DOC... [options]
schemadoc migrate up|down|status (--db URL | --data-dir DIR) [options]

Migration files made from the documents, and run on a database in order.

  new NAME DOC...   writes migrations/<timestamp>_<name>.up.sql and .down.sql: the changes
                    from what the existing migration files build (each run in order on an
                    empty embedded database) to what the documents describe, and back
  up                applies the migrations the database has not applied, in order, each
                    in its own transaction with its row in schemadoc.migrations (id,
                    checksum, applied_at, duration); one that fails leaves the database
                    at the one before it
  down              undoes the last applied migration (--steps N: the last N)
  status            lists every migration: applied (when), pending, changed since it was
                    applied, or applied with no file

Runners take a PostgreSQL advisory lock: two at once never interleave (the second waits,
then finds nothing left to do). A migration whose file changed after it was applied is
refused: write a new one instead.

Options:
  --dir DIR          the migrations folder (default ${DEFAULT_MIGRATIONS_DIR})
  --db URL           a PostgreSQL server (default: $DATABASE_URL)
  --data-dir DIR     the embedded database (default ${DEFAULT_DATA_DIR})
  --to ID            up: stop after this migration (an id, or its timestamp)
  --prove            up: first run the pending migrations on an embedded copy of the
                     database's schema filled with generated rows, and apply them only
                     if they give what the files build and keep every row of every
                     column that stays
  --steps N          down: undo the last N migrations (default 1)
  --lock-timeout T   how long a statement waits for a lock (default 5s)
  --rename OLD=NEW   new: a table (or TABLE.COLUMN=NEW) the documents call NEW was OLD
  --concurrently     new: build new indexes on existing tables CONCURRENTLY (up runs them
                     one by one after the migration's transaction)
  -h, --help         this help

Exit codes: 0 done, 1 a migration failed, was changed or lacks its file (or the documents'
SQL fails), 2 usage or environment, 130 interrupted.`;

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' }, db: { type: 'string' }, 'data-dir': { type: 'string' }, to: { type: 'string' }, steps: { type: 'string' },
      'lock-timeout': { type: 'string' }, rename: { type: 'string', multiple: true }, concurrently: { type: 'boolean' }, prove: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const [action, ...rest] = positionals;
  if (values.help || !action) {
    console.log(migrateHelp);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const dir = values.dir ?? DEFAULT_MIGRATIONS_DIR;
  if (action === 'new') return newMigration(dir, rest, { renames: parseRenames(values.rename ?? []), concurrently: Boolean(values.concurrently) });
  if (!['up', 'down', 'status'].includes(action)) throw new UsageError(`migrate ${action}: the actions are new, up, down and status (see schemadoc migrate --help)`);
  if (rest.length) throw new UsageError(`migrate ${action} takes no documents: it runs the files in ${dir}`);
  const steps = values.steps === undefined ? 1 : Number(values.steps);
  if (!Number.isInteger(steps) || steps < 1) throw new UsageError(`--steps is a whole number of migrations, 1 or more, not ${values.steps}`);
  const url = values['data-dir'] ? undefined : values.db ?? process.env.DATABASE_URL;
  const files = migrationFiles(dir);
  const db = await openDatabase({ url, dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR });
  const interrupt = new Interrupt();
  interrupt.listen();
  try {
    if (action === 'status') return await status(db, files);
    if (action === 'up' && values.prove) {
      const proof = await provePending(db, files, values.to);
      if (proof) {
        const said = proofSummary(proof, db.description, `what the files in ${dir} build`, 'the pending migrations');
        if (!proved(proof)) {
          console.error(`${said} Nothing was run.`);
          return EXIT.problems;
        }
        console.log(said);
      }
    }
    const options = {
      signal: interrupt.signal, ...(values.to ? { to: values.to } : {}), steps, ...(values['lock-timeout'] ? { lockTimeout: values['lock-timeout'] } : {}),
      done: (id: string, ms: number) => console.log(`${action === 'up' ? 'Applied' : 'Undid'} ${id} (${Math.round(ms)} ms)`),
    };
    const outcome = await interrupt.during(() => (action === 'up' ? migrateUp(db, files, options) : migrateDown(db, files, options)));
    return told(outcome, action, db);
  } finally {
    interrupt.stop();
    await db.close().catch(() => {});
  }
}

async function newMigration(dir: string, paths: string[], options: { renames: RenameSpec[]; concurrently: boolean }): Promise<number> {
  const [name, ...documents] = paths;
  if (!name || !documents.length) throw new UsageError('name the migration and the documents: `schemadoc migrate new add_orders docs/schema.md`');
  const inputs = readDocuments(documents, 'migrate new');
  let to;
  try {
    to = await readSide({ kind: 'documents', documents: inputs });
  } finally {
    await closeScratchDatabases();
  }
  if (to.errors.length) {
    report(to.errors, 'pretty', to.sources);
    console.error(`No migration written: PostgreSQL refuses ${plural(to.errors.length, 'statement')} of the documents.`);
    return EXIT.problems;
  }
  const files = migrationFiles(dir);
  let from;
  try {
    from = await migrationsState(files, extensionsFor(to.schema));
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`schemadoc: ${error.message}`);
    return EXIT.problems;
  }
  const up = planChanges(from, to.schema, options);
  if (!up.changes.length) {
    console.log(`No migration written: the ${plural(files.length, 'migration')} in ${dir} already build ${to.description}.`);
    return EXIT.ok;
  }
  const down = planChanges(to.schema, from, { ...options, renames: options.renames.map(reversed) });
  const id = migrationId(name, files.map((f) => f.id));
  const written = writeMigration(dir, id, migrationSql(up, `${id}: from the migrations before it to ${to.description}`),
    migrationSql(down, `${id}, undone: back to what the migrations before it build`));
  console.log(`${prettyPlan(up, `Wrote ${written.up} and ${written.down}:`)}\n\n${planSummary(up)}. Apply it with schemadoc migrate up.`);
  return EXIT.ok;
}

async function status(db: Database, files: ReturnType<typeof migrationFiles>): Promise<number> {
  const rows = await migrationStatus(db, files);
  if (!rows.length) {
    console.log('No migrations: none in the folder, none applied.');
    return EXIT.ok;
  }
  for (const r of rows) console.log(`${r.state.padEnd(8)} ${r.id}${r.appliedAt ? `  (applied ${r.appliedAt})` : ''}`);
  const pending = rows.filter((r) => r.state === 'pending').length;
  console.log(`\n${plural(rows.filter((r) => r.state === 'applied').length, 'migration')} applied, ${pending} pending, on ${db.description}.`);
  return rows.some((r) => r.state === 'changed' || r.state === 'no file') ? EXIT.problems : EXIT.ok;
}

function told(outcome: MigrateOutcome, action: string, db: Database): number {
  if (outcome.changed.length) {
    console.error(`Nothing was run: ${plural(outcome.changed.length, 'applied migration')} changed since ${outcome.changed.length > 1 ? 'they were' : 'it was'} applied (${outcome.changed.join(', ')}). Put ${outcome.changed.length > 1 ? 'them' : 'it'} back as applied and write a new migration for the change.`);
    return EXIT.problems;
  }
  if (outcome.missing.length) {
    console.error(`Nothing was undone: ${outcome.missing.join(', ')} ${outcome.missing.length > 1 ? 'have' : 'has'} no .down.sql file.`);
    return EXIT.problems;
  }
  if (outcome.interrupted) {
    console.error(`Interrupted: ${plural(outcome.ran.length, 'migration')} done before it; the one running was rolled back.`);
    return EXIT.interrupted;
  }
  if (outcome.failed) {
    const { id, error, committed } = outcome.failed;
    console.error(`${id} failed: ${error.message}${error.detail ? ` (${error.detail})` : ''}`);
    console.error(committed
      ? `Its transaction was committed, but a statement that runs after it failed: finish it by hand (the history records ${id} as applied).`
      : `${id} was rolled back: ${db.description} is as the migration before it left it, and the history does not list ${id}.`);
    return EXIT.problems;
  }
  console.log(outcome.ran.length
    ? `${action === 'up' ? 'Applied' : 'Undid'} ${plural(outcome.ran.length, 'migration')} on ${db.description}.`
    : `Nothing to ${action === 'up' ? 'apply' : 'undo'}: ${db.description} is ${action === 'up' ? 'up to date' : 'at no migration'}.`);
  return EXIT.ok;
}
