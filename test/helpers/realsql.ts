// The real schema files of test/fixtures/realsql, their manifest, and what psql -f makes of them.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { embeddedHas, type Database } from '../../src/pg/database.js';
import { ident } from '../../src/pg/quote.js';
import type { Schema } from '../../src/schema/model.js';
import { freshServerDatabase } from './databases.js';
import { FIXTURES_DIR } from './documents.js';

export const REALSQL_DIR = `${FIXTURES_DIR}realsql/`;

export interface RealSqlFile {
  file: string;
  path: string;
  /** Files of prelude/ that must run first (roles, a Supabase stand-in). */
  prelude: string[];
  /** Extensions it creates. */
  needs: string[];
  /** The database its objects end up in when the script makes its own (`CREATE DATABASE` and `\c`). */
  database?: string;
}

export function realSqlFiles(): RealSqlFile[] {
  const [header, ...rows] = readFileSync(`${REALSQL_DIR}MANIFEST.tsv`, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  const column = (row: string[], name: string) => row[header!.indexOf(name)]?.trim() ?? '';
  const list = (text: string) => text.split(/[,\s]+/).filter(Boolean);
  return rows.map((row) => ({
    file: column(row, 'file'),
    path: REALSQL_DIR + column(row, 'file'),
    prelude: list(column(row, 'prelude')).map((p) => `${REALSQL_DIR}prelude/${p}`),
    needs: list(column(row, 'needs')),
    ...(column(row, 'database') ? { database: column(row, 'database') } : {}),
  }));
}

/** psql, on the PATH or where Debian installs it; undefined when there is none. */
export const PSQL = (() => {
  for (const dir of (process.env.PATH ?? '').split(':')) if (existsSync(`${dir}/psql`)) return `${dir}/psql`;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
  const found = versions.reverse().map((v) => `/usr/lib/postgresql/${v}/bin/psql`).find(existsSync);
  return found;
})();

/** `psql -v ON_ERROR_STOP=1 -f file` into a database, as the files' README says they load. */
export function psqlFile(url: string, file: string): void {
  execFileSync(PSQL!, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** One line per schema fact (catalog-facts.sql), sorted. */
export async function catalogFacts(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(readFileSync(`${REALSQL_DIR}catalog-facts.sql`, 'utf8'));
    return rows.map((r) => r.line);
  } finally {
    await client.end();
  }
}

/** A database URL with another database name. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Every constraint and index definition as PostgreSQL prints it, keyed `table constraint` / `index`, to hold introspection to. */
export async function printedDefinitions(db: Database, schemas: string[]): Promise<Map<string, string>> {
  await db.exec('SET search_path = pg_catalog, public');
  const rows = await db.query<{ key: string; definition: string }>(
    `SELECT c.conrelid::regclass::text || ' ' || c.conname AS key, pg_get_constraintdef(c.oid, true) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ANY($1) AND c.contype IN ('p', 'u', 'f')
     UNION ALL
     SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1)`, [schemas]);
  await db.exec('RESET search_path');
  return new Map(rows.map((r) => [r.key, r.definition]));
}

/** The same, from a model that introspection read. */
export function modelDefinitions(schema: Schema): Map<string, string> {
  const name = (s: string | undefined, n: string) => (s === 'public' ? ident(n) : `${ident(s!)}.${ident(n)}`);
  const found = new Map<string, string>();
  for (const t of schema.tables) {
    for (const c of t.constraints) if (c.kind !== 'check' && c.kind !== 'exclude') found.set(`${name(t.schema, t.name)} ${c.name}`, c.definition!);
  }
  for (const i of schema.indexes) found.set(name(i.schema, i.name), i.definition!);
  return found;
}

/** A file's canonical model: on the embedded database where it ships the file's extensions, else on the server. */
export async function canonicalOf(file: RealSqlFile, document?: { schema: Schema; sources: Map<string, string> }) {
  const schema = document?.schema ?? (await compileDocuments([{ file: file.path, text: readFileSync(file.path, 'utf8') }])).schema;
  const sources = document?.sources ?? new Map([[file.path, readFileSync(file.path, 'utf8')]]);
  const prelude = file.prelude.filter((p) => !p.endsWith('supabase.sql')).map((p) => ({ file: p, text: readFileSync(p, 'utf8') }));
  if (prelude.length === 0 && file.needs.every(embeddedHas)) return canonicalSchema(schema, sources);
  const scratch = await freshServerDatabase();
  try {
    return await canonicalSchema(schema, sources, { url: scratch.url, prelude });
  } finally {
    await scratch.dispose();
  }
}
