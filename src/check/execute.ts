// Does the document run? Its schema, then its example statements, executed in a scratch
// embedded database inside one transaction that is always rolled back. PostgreSQL's errors
// come back at the document line of the object or example (and the token, where given).
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Example, ObjectKey, Schema, Span } from '../schema/model.js';
import { displayName, escapeRegExp, looseName } from '../schema/names.js';
import type { DocumentInput } from '../read/document.js';
import { usesSupabase } from '../schema/supabase.js';
import {
  embeddedExtensions, embeddedHas, EnvironmentError, openDatabase, openScratchDatabase, type Database, type PostgresError,
} from '../pg/database.js';
import { emitStatements, SessionSettings, type DdlStatement } from '../pg/emit.js';
import { extensionsFor, hasSupabase, SUPABASE_SEARCH_PATH, withSupabaseStandIn } from '../pg/supabase.js';
import { attempt } from '../pg/savepoint.js';
import { locateIn } from './locate.js';

export interface Execution {
  diagnostics: Diagnostic[];
  /** How many example statements were run. */
  examplesRun: number;
  /** Where: the embedded scratch database, or the server `--db` names. */
  where: string;
}

export interface ExecuteOptions {
  /** A PostgreSQL server to run the scratch transaction on, instead of the embedded database. */
  url?: string;
  /** SQL run first, in the same transaction: roles or a schema the documents take for granted. */
  prelude?: DocumentInput[];
  /** Told how far the run has got: `done` of `total` statements, then of the examples. */
  progress?: (what: string, done: number, total: number) => void;
  /** Told the database once the schema has run, before it is rolled back (example statements are then not run). */
  afterSchema?: (db: Database) => Promise<void>;
  /** The statements to run, emitted by the caller: a part of the document (what another version does not share). */
  statements?: DdlStatement[];
}

/** Statements run together while they succeed; a failing batch is run again one by one. */
const BATCH = 400;

/** Example statements that can run, rolled back, against the schema. */
const RUNNABLE_EXAMPLES = new Set([
  'SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'ExplainStmt', 'CallStmt',
  'TruncateStmt', 'LockStmt', 'RefreshMatViewStmt',
]);

/** A missing table, column, type, function or schema: the document refers to what it never defines. */
const UNDEFINED = new Set(['42P01', '42703', '42704', '42883', '3F000']);

export async function executeSchema(schema: Schema, sources: Map<string, string>, options: ExecuteOptions = {}): Promise<Execution> {
  const db = options.url ? await openDatabase({ url: options.url }) : await scratchDatabase(extensionsFor(schema));
  try {
    return await execute(db, schema, sources, options);
  } finally {
    if (options.url) await db.close();
  }
}

async function execute(db: Database, schema: Schema, sources: Map<string, string>, options: ExecuteOptions): Promise<Execution> {
  let statements = options.statements ?? emitStatements(schema);
  const standIn = usesSupabase(schema) && !(await hasSupabase(db));
  if (standIn) statements = withSupabaseStandIn(statements);
  const diagnostics: Diagnostic[] = [];
  const missing = new MissingExtensions(db.kind === 'embedded' ? schema.extensions.filter((e) => !embeddedHas(e.name)).map((e) => e.name) : []);
  let examplesRun = 0;
  await db.exec('BEGIN');
  try {
    for (const prelude of options.prelude ?? []) {
      const error = await attempt(db, prelude.text);
      if (error) throw new EnvironmentError(`the prelude ${prelude.file} fails in PostgreSQL: ${explain(error)}`);
    }
    const failed = await runSchema(db, schema, statements, sources, diagnostics, missing, options.progress);
    if (options.afterSchema) {
      await options.afterSchema(db);
      return done(diagnostics, missing, schema, 0, db);
    }
    const session = new SessionSettings();
    await db.exec(`RESET ALL;${standIn ? SUPABASE_SEARCH_PATH : ''}`);
    const runnableExamples = schema.examples.filter((e) => RUNNABLE_EXAMPLES.has(e.statementKind));
    for (const example of runnableExamples) {
      options.progress?.('examples run', ++examplesRun, runnableExamples.length);
      for (const sql of session.change(example.settings ?? [])) await attempt(db, sql);
      const error = await runExample(db, example);
      if (!error || failedBefore(error, failed) || missing.explains(error)) continue;
      diagnostics.push(undefinedCall(exampleFails(example, error, schema), error));
    }
  } finally {
    await db.exec('ROLLBACK');
  }
  return done(diagnostics, missing, schema, examplesRun, db);
}

function done(diagnostics: Diagnostic[], missing: MissingExtensions, schema: Schema, examplesRun: number, db: Database): Execution {
  diagnostics.push(...missing.report(schema));
  return {
    diagnostics,
    examplesRun,
    where: db.kind === 'embedded' ? 'a scratch database' : `a transaction on ${db.description}, rolled back`,
  };
}

/**
 * Extensions the embedded database does not ship (postgis, pg_partman …): each is one warning,
 * and what fails for want of it (a type, a function, a relation it would have made) is counted
 * there, not reported again.
 */
class MissingExtensions {
  private unchecked = 0;

  constructor(readonly names: string[]) {}

  /** A CREATE EXTENSION of one of them is not run. */
  creates(statement: DdlStatement): boolean {
    return this.names.length > 0 && statement.provides.some((k) => this.names.some((n) => k === `extension:${n}`));
  }

  /** A failure that an absent extension explains. */
  explains(error: PostgresError): boolean {
    if (this.names.length === 0 || !error.code || !UNDEFINED.has(error.code)) return false;
    this.unchecked++;
    return true;
  }

  report(schema: Schema): Diagnostic[] {
    return this.names.map((name) => {
      const extension = schema.extensions.find((e) => e.name === name);
      return {
        code: 'SD402', severity: 'warning', span: extension?.spans[0],
        message: `the embedded database does not ship the extension ${name}, so what uses it is not checked`
          + `${this.unchecked ? ` (${this.unchecked} ${this.unchecked === 1 ? 'statement' : 'statements'} that need ${this.names.length === 1 ? 'it' : 'one of them'})` : ''}`
          + ': `check --db URL` runs the document on a PostgreSQL server that has it, in a transaction that is rolled back',
      } satisfies Diagnostic;
    });
  }
}

/**
 * A function the document never defines, called in ten places, is one finding: its places
 * share a cause, whichever statement or example they are in.
 */
function undefinedCall(diagnostic: Diagnostic, error: PostgresError): Diagnostic {
  const called = error.code === '42883' ? /^function ([^(]+)\(/.exec(error.message)?.[1] : undefined;
  return called && diagnostic.cause === undefined ? { ...diagnostic, cause: `${called}()` } : diagnostic;
}

/** Runs the DDL; returns what could not be created, so that what depends on it is not reported again. */
async function runSchema(
  db: Database, schema: Schema, statements: DdlStatement[], sources: Map<string, string>, diagnostics: Diagnostic[],
  missing: MissingExtensions, progress: ExecuteOptions['progress'],
): Promise<Set<ObjectKey>> {
  const failed = new Set<ObjectKey>();
  // What depends on an object that failed is not run (statements come in dependency order).
  const runnable = (statement: DdlStatement): boolean => {
    if (!missing.creates(statement) && !statement.requires.some((k) => failed.has(k))) return true;
    for (const k of statement.provides) failed.add(k);
    return false;
  };
  for (let i = 0; i < statements.length; i += BATCH) {
    const batch = statements.slice(i, i + BATCH).filter(runnable);
    if (batch.length && await attempt(db, batch.map((s) => s.sql).join('\n')) !== undefined) {
      for (const statement of batch) {
        if (!runnable(statement)) continue;
        const error = await attempt(db, statement.sql);
        if (!error) continue;
        for (const k of statement.provides) failed.add(k);
        if (!missing.explains(error)) diagnostics.push(undefinedCall(statementFails(statement, error, sources, schema), error));
      }
    }
    progress?.('schema statements run', Math.min(i + BATCH, statements.length), statements.length);
  }
  return failed;
}

/** An example with `$1` parameters is prepared (names and types checked), not run. */
async function runExample(db: Database, example: Example): Promise<(PostgresError & { offset: number }) | undefined> {
  const sql = example.runAs ?? example.sql;
  const error = await attempt(db, sql);
  if (error?.code !== '42P02') return error && { ...error, offset: 0 };
  const prefix = 'PREPARE schemadoc_example AS ';
  const prepared = await attempt(db, `${prefix}${sql}`);
  if (!prepared) await db.exec('DEALLOCATE schemadoc_example');
  return prepared && { ...prepared, offset: prefix.length };
}

/** The relation PostgreSQL says does not exist. */
function missingRelation(error: PostgresError): string | undefined {
  return error.code === '42P01' ? /^relation "([^"]+)" does not exist/.exec(error.message)?.[1] : undefined;
}

/** An example that fails only because an object it uses could not be created: reported there already. */
function failedBefore(error: PostgresError, failed: Set<ObjectKey>): boolean {
  const name = missingRelation(error);
  return name !== undefined && [...failed].some((key) => key.endsWith(`:${name}`) || key.endsWith(`.${name}`));
}

/** `relation "books" does not exist` where the document defines `book`: the table meant. */
function similarTable(error: PostgresError, schema: Schema): string | undefined {
  const name = missingRelation(error);
  if (!name) return undefined;
  const wanted = looseName(name.split('.').pop()!);
  const found = schema.tables.filter((t) => looseName(t.name) === wanted);
  return found.length === 1 ? displayName(found[0]!) : undefined;
}

function codeOf(error: PostgresError): string | undefined {
  return error.code && UNDEFINED.has(error.code) ? 'SD220' : undefined;
}

function explain(error: PostgresError): string {
  return error.message + (error.detail ? ` (${error.detail})` : '') + (error.hint ? `. ${error.hint}` : '');
}

/** `column "userid" does not exist` where the schema has `"userId"`: the name was folded. */
function foldedColumn(error: PostgresError, schema: Schema): string | undefined {
  const missing = error.code === '42703' ? /^column (?:\w+\.)?"([^"]+)" does not exist/.exec(error.message)?.[1] : undefined;
  if (!missing || missing !== missing.toLowerCase()) return undefined;
  for (const table of schema.tables) {
    const column = table.columns.find((c) => c.name !== missing && c.name.toLowerCase() === missing);
    if (column) return column.name;
  }
  return undefined;
}

function folding(error: PostgresError, schema: Schema): Pick<Diagnostic, 'code' | 'fix'> & { note: string } | undefined {
  const column = foldedColumn(error, schema);
  return column === undefined ? undefined : {
    code: 'SD221', fix: `"${column}"`,
    note: `: PostgreSQL folds the unquoted name to lower case, but the column is "${column}"`,
  };
}

function statementFails(statement: DdlStatement, error: PostgresError, sources: Map<string, string>, schema: Schema): Diagnostic {
  const at = statement.spans[0];
  // The document's own statement: PostgreSQL's position is in the document's text.
  const span = at && statement.origin === 'script' && error.position ? positionIn(statement.sql, error.position, at) : at && tokenSpan(at, statement.sql, error.position, sources);
  const folded = folding(error, schema);
  return {
    code: folded?.code ?? codeOf(error) ?? 'SD400',
    severity: 'error',
    message: `${statement.kind} ${statement.name} fails in PostgreSQL: ${folded ? `${error.message}${folded.note}` : explain(error)}`,
    ...(folded ? { fix: folded.fix } : {}),
    ...(span ? { span } : {}),
  };
}

function exampleFails(example: Example, error: PostgresError & { offset: number }, schema: Schema): Diagnostic {
  const span = error.position ? positionIn(example.runAs ?? example.sql, error.position - error.offset, example.spans[0]!) : example.spans[0]!;
  const folded = folding(error, schema);
  if (folded) {
    return {
      code: folded.code, severity: 'error', fix: folded.fix, message: `the example fails in PostgreSQL: ${error.message}${folded.note}`, span,
    };
  }
  // Sample values on an empty database (a row that breaks a constraint, 'user-uuid' for a
  // uuid) and catalog views of extensions the example assumes are worth knowing, not defects.
  const sample = error.code?.startsWith('23') || error.code === '22P02' || missingRelation(error)?.startsWith('pg_');
  const called = error.code === '42883' ? /function ([\w."]+)\(/.exec(error.message)?.[1] : undefined;
  const declared = called && schema.declaredFunctions.find((f) => displayName(f) === called || f.name === called.split('.').pop());
  const meant = similarTable(error, schema);
  return {
    code: codeOf(error) ?? 'SD401',
    severity: sample ? 'info' : 'error',
    // Sample values that an empty database lacks are one cause, wherever the examples use them;
    // so are functions the document describes by their signatures alone.
    ...(sample ? { cause: 'empty database' } : declared ? { cause: 'described, never defined' } : {}),
    message: declared
      ? `the example calls ${displayName(declared)}(), which the document describes by its signature but never defines`
      : called && !schema.functions.some((f) => f.name === called.split('.').pop())
        ? `the example calls ${called}(), which the document never defines`
        : `the example ${sample ? 'does not run on an empty database' : 'fails in PostgreSQL'}: ${explain(error)}${meant ? `; the document's table is ${meant}` : ''}`,
    span,
    ...(meant ? { fix: meant } : {}),
    ...(declared ? { related: [{ span: declared.spans[0]!, message: `${declared.signature} is described here, with no body` }] } : {}),
  };
}

/** A 1-based character position in text that starts at `span` → the file position. */
function positionIn(text: string, position: number, span: Span): Span {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  const line = span.line + lines.length - 1;
  const column = lines.length === 1 ? span.column + before.length : lines[lines.length - 1]!.length + 1;
  return { ...span, line, column, endLine: line, endColumn: column };
}

/**
 * PostgreSQL points at a token of the statement schemadoc wrote; the same token in the
 * document's lines for that object is where the author should look.
 */
function tokenSpan(span: Span, sql: string, position: number | undefined, sources: Map<string, string>): Span {
  const token = position ? /^("(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)/u.exec(sql.slice(position - 1))?.[1] : undefined;
  if (!token) return span;
  const word = token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token;
  return locateIn(sources, span, new RegExp(`(?<![\\p{L}\\p{N}_])"?${escapeRegExp(word)}"?(?![\\p{L}\\p{N}_])`, 'iu')) ?? span;
}

// One scratch database per process and set of extensions: starting PGlite costs seconds,
// and every check leaves it as it found it (all of its work is rolled back).
const scratch = new Map<string, Promise<Database>>();

function scratchDatabase(extensions: string[]): Promise<Database> {
  const key = embeddedExtensions(extensions).join(',');
  let db = scratch.get(key);
  if (!db) {
    db = openScratchDatabase(extensions);
    scratch.set(key, db);
  }
  return db;
}

export async function closeScratchDatabases(): Promise<void> {
  const open = [...scratch.values()];
  scratch.clear();
  await Promise.all(open.map(async (db) => (await db).close()));
}
