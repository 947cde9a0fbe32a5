// One small interface over the embedded database (PGlite) and PostgreSQL servers (pg). Each
// driver is loaded when a database of its kind is opened: a command needs one or neither.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { Extensions, PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { QueryResult } from 'pg';
import { parseConnection, withoutPassword } from './connection.js';
import { inMemory, template, writtenThrough } from './template.js';

export interface Database {
  readonly kind: 'embedded' | 'server';
  /** Where it is, for messages; never contains a password. */
  readonly description: string;
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements in one round trip (no parameters): the rows of each, in order. */
  queries(sql: string): Promise<Record<string, unknown>[][]>;
  /** A second connection to the same server database, to read in parallel (servers only). */
  another?(): Promise<Database>;
  close(): Promise<void>;
}

/** A PostgreSQL error, from either driver, in one shape. */
export interface PostgresError {
  message: string;
  code?: string;
  /** 1-based character position in the statement, when PostgreSQL gives one. */
  position?: number;
  detail?: string;
  hint?: string;
}

/** The environment is wrong (unreachable server, refused login, unusable directory): exit 2. */
export class EnvironmentError extends Error {}

export interface DatabaseTarget {
  /** A postgres:// URL; without one, the embedded database in `dataDir`. */
  url?: string;
  /** Embedded database directory; `memory://` for a temporary one, removed when it is closed. */
  dataDir?: string;
  /** Extensions the embedded database must be able to create. */
  extensions?: string[];
}

export const DEFAULT_DATA_DIR = '.schemadoc/db';

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.url ? openServer(target.url) : openEmbedded(target.dataDir ?? DEFAULT_DATA_DIR, target.extensions ?? []);
}

// PGlite ships PostgreSQL's contrib extensions as separate modules (`@electric-sql/pglite/contrib/<name>`),
// each loaded only when a document creates it. This is the package's list.
const PGLITE_EXTENSIONS = [
  'amcheck', 'auto_explain', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn', 'earthdistance',
  'file_fdw', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'moddatetime', 'pageinspect', 'pg_buffercache',
  'pg_freespacemap', 'pg_stat_statements', 'pg_surgery', 'pg_trgm', 'pg_visibility', 'pg_walinspect', 'pgcrypto', 'seg',
  'tablefunc', 'tcn', 'tsm_system_rows', 'tsm_system_time', 'unaccent', 'uuid-ossp',
];

/** Part of PostgreSQL itself: no module to load. */
const BUILT_IN_EXTENSIONS = new Set(['plpgsql']);

/** Whether the embedded database can create the extension. */
export function embeddedHas(extension: string): boolean {
  return BUILT_IN_EXTENSIONS.has(extension) || PGLITE_EXTENSIONS.includes(extension);
}

/** The extensions an embedded database opened for `wanted` loads, in a stable order: each costs its start. */
export function embeddedExtensions(wanted: string[]): string[] {
  return [...new Set(wanted)].filter((name) => PGLITE_EXTENSIONS.includes(name)).sort();
}

async function loadExtension(name: string): Promise<Extensions[string]> {
  const module = name.replace(/-/g, '_');
  return (await import(`@electric-sql/pglite/contrib/${module}`) as Record<string, Extensions[string]>)[module]!;
}

/** Settings for every embedded database: what a schema document needs, and no more memory than that. */
const EMBEDDED_CONF = [
  // One transaction takes a lock per object; large documents need more than the default 64.
  'max_locks_per_transaction = 1024',
  // A schema's catalog fits in far less than the default 128 MB, which would cost its memory at every start.
  'shared_buffers = 16MB',
];

async function initialise(dir: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: dir, postgresqlconf: EMBEDDED_CONF });
  await db.close();
}

async function openEmbedded(dataDir: string, wanted: string[]): Promise<Database> {
  if (dataDir.startsWith('memory://')) return openScratchDatabase(wanted, 'a temporary embedded database');
  const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  const templateDir = fresh ? await template(initialise) : undefined;
  const description = `the embedded database in ${dataDir}`;
  let where: Pick<PGliteOptions, 'dataDir' | 'fs'> = { dataDir };
  try {
    mkdirSync(dataDir, { recursive: true });
    if (templateDir) where = { fs: await writtenThrough(templateDir, dataDir) };
  } catch (error) {
    throw new EnvironmentError(`cannot create the database directory ${dataDir}: ${(error as Error).message}`);
  }
  return openWith(where, wanted, description);
}

/** A database in memory, gone when closed: `check`'s scratch database, and `memory://`. */
export async function openScratchDatabase(wanted: string[], description = 'a scratch database'): Promise<Database> {
  const templateDir = await template(initialise);
  return openWith(templateDir ? { fs: await inMemory(templateDir) } : {}, wanted, description);
}

/** `where`: a directory, a filesystem, or neither (in memory, initialised now). */
async function openWith(where: Pick<PGliteOptions, 'dataDir' | 'fs'>, wanted: string[], description: string): Promise<Database> {
  const extensions: Extensions = {};
  for (const name of embeddedExtensions(wanted)) extensions[name.replace(/-/g, '_')] = await loadExtension(name);
  const { PGlite } = await import('@electric-sql/pglite');
  let db: PGlite;
  try {
    db = await PGlite.create({ ...where, extensions, postgresqlconf: EMBEDDED_CONF });
  } catch (error) {
    throw new EnvironmentError(`cannot open ${description}: ${(error as Error).message}`);
  }
  return {
    kind: 'embedded',
    description,
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async queries(sql) {
      return (await db.exec(sql)).map((result) => result.rows);
    },
    async close() {
      await db.close();
    },
  };
}

async function openServer(url: string): Promise<Database> {
  const { config, description } = parseConnection(url);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionTimeoutMillis: 10_000, ...config });
  // A server that goes away mid-run reports through the query that was running.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    const password = (typeof config.password === 'string' ? config.password : undefined) ?? passwordIn(url) ?? process.env.PGPASSWORD;
    throw new EnvironmentError(withoutPassword(connectionProblem(error as NodeJS.ErrnoException & PostgresError, description), password));
  }
  return {
    kind: 'server',
    description,
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async queries(sql) {
      const results = await client.query(sql) as unknown as QueryResult | QueryResult[];
      return (Array.isArray(results) ? results : [results]).map((result) => result.rows);
    },
    another: () => openServer(url),
    async close() {
      await client.end();
    },
  };
}

/** A URL's password, as written in it (`user:pass@` or `?password=`). */
function passwordIn(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return decodeURIComponent(parsed.password) || parsed.searchParams.get('password') || undefined;
  } catch {
    return undefined;
  }
}

function connectionProblem(error: NodeJS.ErrnoException & PostgresError, where: string): string {
  switch (error.code) {
    case 'ECONNREFUSED': return `cannot connect to ${where}: nothing is listening there (connection refused)`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `cannot connect to ${where}: the host name does not resolve`;
    case 'ETIMEDOUT': return `cannot connect to ${where}: the connection timed out`;
    case 'ENOENT': return `cannot connect to ${where}: no server socket there`;
    case '28P01': case '28000': return `the server at ${where} refused the login: ${error.message}`;
    case '3D000': return `the server at ${where} has no such database: ${error.message}`;
    default: return `cannot connect to ${where}: ${(error.message || String(error.code ?? error)).replace(/postgres(ql)?:\/\/\S+/g, where)}`;
  }
}

/** Reads the fields both drivers put on a PostgreSQL error. */
export function asPostgresError(error: unknown): PostgresError {
  const e = error as PostgresError & { position?: string | number };
  const position = e.position === undefined ? undefined : Number(e.position);
  return {
    message: e.message ?? String(error),
    ...(e.code ? { code: e.code } : {}),
    ...(position ? { position } : {}),
    ...(e.detail ? { detail: e.detail } : {}),
    ...(e.hint ? { hint: e.hint } : {}),
  };
}
