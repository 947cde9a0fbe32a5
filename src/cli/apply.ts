import { parseArgs } from 'node:util';
import { applyStatements } from '../pg/apply.js';
import { removeEmbeddedDatabase } from '../pg/data-dir.js';
import { existingObjects, schemasOf } from '../pg/existing.js';
import { DEFAULT_DATA_DIR, embeddedHas, openDatabase } from '../pg/database.js';
import { emitStatements, type DdlStatement } from '../pg/emit.js';
import type { Schema } from '../schema/model.js';
import { extensionsFor, hasSupabase, withSupabaseStandIn } from '../pg/supabase.js';
import { usesSupabase } from '../schema/supabase.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import { plural } from '../report/pretty.js';
import { progressLine } from '../report/progress.js';
import { Interrupt } from './interrupt.js';
import { loadDocuments } from './load.js';
import { parseFormat, report } from './output.js';
import { EXIT, UsageError } from './usage.js';

export const applyHelp = `schemadoc apply DOC... [options]

Creates the schema that the documents (Markdown, or .sql files such as a pg_dump) describe
in a database, in one transaction: either all of it is created, or (after any failure)
nothing is. The documents' own SQL runs as written, in their order.

Options:
  --db URL          a PostgreSQL server (postgres://user:pass@host:port/db);
                    default: $DATABASE_URL, else the embedded database, which has
                    PostgreSQL's contrib extensions (pgcrypto, hstore, pg_trgm …) but
                    not postgis, pg_partman or pgvector
  --data-dir DIR    the embedded database's directory (default ${DEFAULT_DATA_DIR})
  --reset           start the embedded database afresh (removes DIR first, and only
                    if it is an embedded database directory)
  --force           create every object that can be created; list those skipped
  --no-shims        for a document written for Supabase (auth.users, auth.uid() …),
                    do not create the local stand-in of Supabase's auth and storage
                    schemas and roles (it is never created where they already exist)
  --format FORMAT   diagnostics as pretty (default) or json
  -h, --help        this help

Exit codes: 0 applied, 1 the document or database has errors, 2 usage or environment,
130 interrupted (Ctrl-C; nothing is applied).`;

export async function applyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, 'data-dir': { type: 'string' }, reset: { type: 'boolean' },
      force: { type: 'boolean' }, 'no-shims': { type: 'boolean' }, format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(applyHelp);
    return EXIT.ok;
  }
  const format = parseFormat(values.format);
  const url = values.db ?? process.env.DATABASE_URL;
  if (url && values['data-dir']) throw new UsageError('--data-dir is for the embedded database; it cannot be used with --db');
  if (url && values.reset) throw new UsageError('--reset only starts the embedded database afresh; drop and create a server database yourself');

  const interrupt = new Interrupt();
  interrupt.listen();
  try {
    return await apply(values, positionals, format, url, interrupt);
  } finally {
    interrupt.stop();
  }
}

async function apply(
  values: { 'data-dir'?: string; reset?: boolean; force?: boolean; 'no-shims'?: boolean },
  positionals: string[], format: ReturnType<typeof parseFormat>, url: string | undefined, interrupt: Interrupt,
): Promise<number> {
  const progress = progressLine();
  const { schema, diagnostics, sources } = await loadDocuments(positionals, 'apply', progress);
  let statements = emitStatements(schema);
  const blocking = diagnostics.filter((d) => d.severity === 'error' && (d.code.startsWith('SD2') || d.code === 'SD100'));
  if (blocking.length && !values.force) {
    report(diagnostics, format, sources, { applied: false, created: {} });
    if (format === 'pretty') console.error(`Nothing was applied: ${plural(blocking.length, 'error')} in the document ${blocking.length === 1 ? 'makes' : 'make'} objects impossible to create (--force creates the others).`);
    return EXIT.problems;
  }

  const unshipped = url ? [] : schema.extensions.filter((e) => !embeddedHas(e.name));
  if (unshipped.length) {
    const missing: Diagnostic[] = unshipped.map((e) => ({
      code: 'SD302', severity: 'error', span: e.spans[0],
      message: `the embedded database does not ship the extension ${e.name}: apply the document to a PostgreSQL server that has it (--db URL)`,
    }));
    report([...diagnostics, ...missing], format, sources, { applied: false, created: {} });
    if (format === 'pretty') console.error('Nothing was applied.');
    return EXIT.problems;
  }

  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  if (values.reset) removeEmbeddedDatabase(dataDir);
  const db = await openDatabase({ url, dataDir, extensions: extensionsFor(schema) });
  let outcome;
  const notes: string[] = [];
  try {
    const existing = await existingObjects(db, schemasOf(schema));
    if (existing.count) {
      const listed = existing.names.join(', ') + (existing.count > existing.names.length ? ` and ${existing.count - existing.names.length} more` : '');
      const refused: Diagnostic = {
        code: 'SD303', severity: 'error',
        message: `${db.description} already has ${plural(existing.count, 'object')} where the document makes its own (${listed}): `
          + `apply creates a schema in an empty database only. ${url ? 'Apply to a new database' : 'Start the embedded database afresh with --reset'}`,
      };
      report([...diagnostics, refused], format, sources, { applied: false, created: {} });
      if (format === 'pretty') console.error(`Nothing was applied: ${db.description} is unchanged.`);
      return EXIT.problems;
    }
    if (usesSupabase(schema) && !values['no-shims'] && !(await hasSupabase(db))) {
      statements = withSupabaseStandIn(statements);
      notes.push("The document is written for Supabase: schemadoc created a local stand-in for its auth and storage schemas, auth.uid(), auth.role(), auth.jwt() and the anon, authenticated and service_role roles (--no-shims leaves it out).");
    }
    outcome = await interrupt.during(() => applyStatements(db, statements, { force: values.force, signal: interrupt.signal, progress: progress.update }));
  } finally {
    progress.end();
    await db.close().catch(() => {});
  }
  if (outcome.interrupted) {
    console.error(`Interrupted: nothing was applied, ${db.description} is unchanged.`);
    return EXIT.interrupted;
  }
  const all: Diagnostic[] = [...diagnostics, ...outcome.diagnostics];
  report(all, format, sources, {
    applied: outcome.ok, created: outcome.created, notes, skipped: outcome.skipped.map((s) => `${s.kind} ${s.name}`),
    milliseconds: Math.round(outcome.milliseconds),
  });
  if (format === 'pretty') {
    if (outcome.ok) {
      for (const note of notes) console.log(note);
      // The whole wait, from the process's start: reading, opening and applying.
      console.log(`Applied ${positionals.join(', ')} to ${db.description} in ${(performance.now() / 1000).toFixed(2)} s: ${summary(schema, outcome.skipped)}.`);
      if (outcome.skipped.length) console.log(`Skipped ${plural(outcome.skipped.length, 'object')} (listed above).`);
    } else {
      console.error(`Nothing was applied: ${db.description} is unchanged.`);
    }
  }
  return outcome.ok && outcome.skipped.length === 0 && !all.some((d) => d.severity === 'error') ? EXIT.ok : EXIT.problems;
}

/** What apply created: the schema's objects (`1 type, 5 tables, 1 view, 5 indexes, 4 foreign keys …`) but those skipped. */
function summary(schema: Schema, skipped: DdlStatement[]): string {
  const constraints = schema.tables.flatMap((t) => t.constraints.filter((c) => !c.inherited));
  const counts: [number, string, string?][] = [
    [schema.schemas.length, 'schema'], [schema.extensions.length, 'extension'], [schema.enums.length + schema.types.length, 'type'],
    [schema.sequences.length, 'sequence'], [schema.tables.length, 'table'], [schema.views.filter((v) => !v.materialized).length, 'view'],
    [schema.views.filter((v) => v.materialized).length, 'materialized view'], [schema.indexes.length, 'index', 'indexes'],
    [constraints.filter((c) => c.kind === 'foreign key').length, 'foreign key'], [schema.functions.length, 'function'],
    [schema.triggers.length, 'trigger'], [schema.policies.length, 'policy', 'policies'], [schema.comments.length, 'comment'],
    [constraints.filter((c) => c.kind !== 'foreign key').length, 'other constraint'],
  ];
  for (const count of counts) count[0] -= skipped.filter((s) => s.kind === count[1]).length;
  return counts.filter(([n]) => n > 0).map(([n, one, many]) => (many && n !== 1 ? `${n} ${many}` : plural(n, one))).join(', ') || 'nothing to create';
}
