import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/pg/database.js';

export const SERVER_URL = process.env.SCHEMADOC_TEST_DATABASE_URL;

if (!SERVER_URL) {
  console.warn('schemadoc tests: SCHEMADOC_TEST_DATABASE_URL is not set; the PostgreSQL server tests are skipped (CI sets it).');
}

/**
 * The password every server URL of the tests carries (the test server trusts its clients and
 * never asks for it): no output of schemadoc may show it.
 */
export const TEST_PASSWORD = 'Never-Printed-5e3';

/** A new, empty database on the test server; dropped by `dispose`. */
export async function freshServerDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  const name = `schemadoc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL!);
  url.pathname = `/${name}`;
  url.password = TEST_PASSWORD;
  return {
    url: url.toString(),
    dispose: async () => {
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The two kinds of database every apply test runs against. */
export const TARGETS = [
  { name: 'PGlite', enabled: true },
  { name: 'PostgreSQL server', enabled: Boolean(SERVER_URL) },
] as const;

/** `extensions`: what the embedded database loads (a server has what is installed). */
export async function openTarget(
  name: (typeof TARGETS)[number]['name'], extensions: string[] = [],
): Promise<{ db: Database; url?: string; dispose: () => Promise<void> }> {
  if (name === 'PGlite') {
    const db = await openDatabase({ dataDir: 'memory://', extensions });
    return { db, dispose: () => db.close() };
  }
  const server = await freshServerDatabase();
  const db = await openDatabase({ url: server.url });
  return {
    db,
    url: server.url,
    dispose: async () => {
      await db.close();
      await server.dispose();
    },
  };
}
