// What a database has applied, in a table of its own schema (`schemadoc.migrations`, out of the
// schemas a document describes), and the advisory lock that keeps two runners from interleaving.
import type { Database } from '../pg/database.js';
import { literal } from '../pg/quote.js';

export interface Applied {
  id: string;
  checksum: string;
  applied_at: string;
  duration_ms: number;
}

const SETUP = `CREATE SCHEMA IF NOT EXISTS schemadoc;
CREATE TABLE IF NOT EXISTS schemadoc.migrations (
  id text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
);`;

/** One number for every schemadoc runner on a database. */
const LOCK = "pg_catalog.hashtext('schemadoc migrations')";

/** Runs `work` holding the lock: a second runner waits for the first to finish. */
export async function withMigrationLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.query(`SELECT pg_catalog.pg_advisory_lock(${LOCK})`);
  try {
    await db.exec(SETUP);
    return await work();
  } finally {
    await db.query(`SELECT pg_catalog.pg_advisory_unlock(${LOCK})`).catch(() => {});
  }
}

export async function appliedMigrations(db: Database): Promise<Applied[]> {
  const exists = await db.query<{ found: boolean }>("SELECT pg_catalog.to_regclass('schemadoc.migrations') IS NOT NULL AS found");
  if (!exists[0]?.found) return [];
  return db.query<Applied>('SELECT id, checksum, applied_at::text, duration_ms FROM schemadoc.migrations ORDER BY id');
}

export const recordApplied = (id: string, checksum: string, ms: number) =>
  `INSERT INTO schemadoc.migrations (id, checksum, duration_ms) VALUES (${literal(id)}, ${literal(checksum)}, ${Math.round(ms)});`;

export const recordUndone = (id: string) => `DELETE FROM schemadoc.migrations WHERE id = ${literal(id)};`;
