// The embedded database's directory. `--reset` removes it, and only ever a directory that is
// an embedded database: one with PostgreSQL's PG_VERSION and nothing PostgreSQL did not make.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { EnvironmentError } from './database.js';

/** What a PostgreSQL data directory holds (PGlite's, or a server's). */
const DATA_DIRECTORY_ENTRIES = new Set([
  'PG_VERSION', 'base', 'global', 'pg_commit_ts', 'pg_dynshmem', 'pg_hba.conf', 'pg_ident.conf', 'pg_logical', 'pg_multixact',
  'pg_notify', 'pg_replslot', 'pg_serial', 'pg_snapshots', 'pg_stat', 'pg_stat_tmp', 'pg_subtrans', 'pg_tblspc', 'pg_twophase',
  'pg_wal', 'pg_xact', 'postgresql.auto.conf', 'postgresql.conf', 'postmaster.opts', 'postmaster.pid', 'current_logfiles', 'log',
]);

/** Whether a directory holds a database (an embedded one, once `apply` has made it): a directory schemadoc may read. */
export function holdsDatabase(dir: string): boolean {
  return existsSync(`${dir}/PG_VERSION`);
}

/** Removes an embedded database directory so that it starts afresh; refuses anything else, removing nothing. */
export function removeEmbeddedDatabase(dir: string): void {
  if (dir.startsWith('memory://') || !existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new EnvironmentError(`--reset removes an embedded database directory, and ${dir} is a file: nothing was removed`);
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  if (!entries.includes('PG_VERSION')) {
    throw new EnvironmentError(`--reset removes only an embedded database directory, and ${dir} is not one (it has no PG_VERSION): nothing was removed; name the database's own directory with --data-dir`);
  }
  const foreign = entries.filter((e) => !DATA_DIRECTORY_ENTRIES.has(e));
  if (foreign.length) {
    const named = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    throw new EnvironmentError(`--reset removes only an embedded database directory, and ${dir} also holds ${named}: nothing was removed`);
  }
  rmSync(dir, { recursive: true, force: true });
}
