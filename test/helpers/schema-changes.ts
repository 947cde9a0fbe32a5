// The schema-change pairs of test/fixtures/schema-changes (migra's own fixtures): their
// manifest, and what a database built from a side holds, fact by fact.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FIXTURES_DIR } from './documents.js';
import { REALSQL_DIR } from './realsql.js';

export const SCHEMA_CHANGES_DIR = `${FIXTURES_DIR}schema-changes/`;

export interface SchemaChangePair {
  name: string;
  a: string;
  b: string;
  prelude?: string;
}

export function schemaChangePairs(): SchemaChangePair[] {
  const [header, ...rows] = readFileSync(`${SCHEMA_CHANGES_DIR}MANIFEST.tsv`, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const at = (row: string[], name: string) => row[header!.indexOf(name)]?.trim() ?? '';
  return rows.map((row) => {
    const dir = `${SCHEMA_CHANGES_DIR}${at(row, 'fixture')}/`;
    return { name: at(row, 'fixture'), a: `${dir}a.sql`, b: `${dir}b.sql`, ...(at(row, 'prelude') ? { prelude: dir + at(row, 'prelude') } : {}) };
  });
}

/** catalog-facts.sql and the folder's extra-facts.sql: one line per fact, sorted. */
export async function schemaFacts(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const file of [`${REALSQL_DIR}catalog-facts.sql`, `${SCHEMA_CHANGES_DIR}extra-facts.sql`]) {
      const { rows } = await client.query<{ line: string }>(readFileSync(file, 'utf8'));
      lines.push(...rows.map((r) => r.line));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

/** Runs a script in one transaction, as apply does. */
export async function runInTransaction(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
