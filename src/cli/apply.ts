import { parseArgs } from 'node:util';
import { closeScratchDatabases } from '../check/execute.js';
import { planToDocuments } from '../diff/declarative.js';
import { HAZARDS } from '../diff/plan/hazards.js';
import { DEFAULT_LOCK_TIMEOUT, runPlan } from '../diff/plan/run.js';
import { applyStatements } from '../pg/apply.js';
import { removeEmbeddedDatabase } from '../pg/data-dir.js';
import { existingObjects, schemasOf } from '../pg/existing.js';
import { DEFAULT_DATA_DIR, embeddedHas, openDatabase, type Database } from '../pg/database.js';
import { emitStatements, type DdlStatement } from '../pg/emit.js';
import type { Schema } from '../schema/model.js';
import { extensionsFor, hasSupabase, withSupabaseStandIn } from '../pg/supabase.js';
import { usesSupabase } from '../schema/supabase.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import { plural } from '../report/pretty.js';
import { provePlan, proved } from '../diff/prove/prove.js';
import { planJson, planSummary, prettyPlan, proofSummary, refusedHazards } from '../report/plan.js';
import { progressLine, type ProgressLine } from '../report/progress.js';
import { parseRenames } from './diff.js';
import { Interrupt } from './interrupt.js';
import { inferTypesHelp, loadDocuments } from './load.js';
import { parseFormat, report } from './output.js';
import { EXIT, UsageError } from './usage.js';

export const applyHelp = `schemadoc apply DOC... [options]

Brings a database to the schema that the documents (Markdown, or .sql files such as a
pg_dump) describe, in one transaction: either all of it is done, or (after any failure)
nothing is. In an empty database the documents' own SQL runs as written, in their order.
In a database that already has objects, apply plans the changes from what the database
holds to what the documents describe (as \`schemadoc diff\` shows them), prints the plan,
and runs it; a plan that drops or rewrites data (hazards SD801…) runs only when its
hazards are allowed.

Options:
  --db URL          a PostgreSQL server (postgres://user:pass@host:port/db);
                    default: $DATABASE_URL, else the embedded database, which has
                    PostgreSQL's contrib extensions (pgcrypto, hstore, pg_trgm …) but
                    not postgis, pg_partman or pgvector
  --data-dir DIR    the embedded database's directory (default ${DEFAULT_DATA_DIR})
  --reset           start the embedded database afresh (removes DIR first, and only
                    if it is an embedded database directory)
  --force           in an empty database: create every object that can be created,
                    and list those skipped
  --dry-run         print the plan of changes and apply nothing
  --allow-hazards CODES  run a plan with these hazards (SD801,SD802 …; see
                    docs/hazards): without them such a plan is refused
  --lock-timeout T  how long each change waits for a lock before the plan fails and
                    rolls back (default ${DEFAULT_LOCK_TIMEOUT}; 0 waits for ever)
  --prove           first run the plan on an embedded copy of the database's schema,
                    filled with generated rows, and apply it only if it gives the
                    documents' schema and keeps every row of every column that stays
  --rename OLD=NEW  a table (or TABLE.COLUMN=NEW, a column) the documents call NEW was
                    called OLD: it is renamed, with its rows (repeatable; a document can
                    say so itself: <!-- schemadoc: renamed from OLD -->)
  --concurrently    build new indexes on existing tables CONCURRENTLY (each after the
                    transaction: it cannot run in one)
  --scratch-db URL  an empty PostgreSQL database to read the documents in when planning
                    changes (for extensions the embedded database does not ship)
  --no-shims        for a document written for Supabase (auth.users, auth.uid() …),
                    do not create the local stand-in of Supabase's auth and storage
                    schemas and roles (it is never created where they already exist)
  --format FORMAT   diagnostics as pretty (default) or json
${inferTypesHelp(20)}
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
      'dry-run': { type: 'boolean' }, 'allow-hazards': { type: 'string', multiple: true }, 'lock-timeout': { type: 'string' },
      concurrently: { type: 'boolean' }, prove: { type: 'boolean' }, rename: { type: 'string', multiple: true }, 'scratch-db': { type: 'string' },
      'infer-types': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
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

type ApplyValues = {
  'data-dir'?: string; reset?: boolean; force?: boolean; 'no-shims'?: boolean; 'dry-run'?: boolean; 'allow-hazards'?: string[];
  'lock-timeout'?: string; concurrently?: boolean; prove?: boolean; rename?: string[]; 'scratch-db'?: string; 'infer-types'?: boolean;
};

async function apply(
  values: ApplyValues,
  positionals: string[], format: ReturnType<typeof parseFormat>, url: string | undefined, interrupt: Interrupt,
): Promise<number> {
  const progress = progressLine();
  const { schema, diagnostics, sources } = await loadDocuments(positionals, 'apply', progress, { inferTypes: values['infer-types'] });
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
    if (existing.count) return await applyChanges(schema, sources, db, values, format, positionals, interrupt, progress);
    if (values['dry-run']) {
      console.log(`Dry run: ${db.description} is empty; apply would create ${summary(schema, [])}. Nothing was applied.`);
      return EXIT.ok;
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

/** On a database that already has a schema: the plan from it to the documents, printed, then run. */
async function applyChanges(
  schema: Schema, sources: Map<string, string>, db: Database, values: ApplyValues, format: ReturnType<typeof parseFormat>,
  positionals: string[], interrupt: Interrupt, progress: ProgressLine,
): Promise<number> {
  if (values.force) throw new UsageError(`--force is for an empty database; ${db.description} has a schema, so apply plans the changes to it (--dry-run shows them)`);
  const documents = positionals.join(', ');
  const { plan, errors, database, document } = await planToDocuments(schema, sources, db, {
    concurrently: Boolean(values.concurrently), renames: parseRenames(values.rename ?? []), ...(values['scratch-db'] ? { scratchUrl: values['scratch-db'] } : {}),
  });
  await closeScratchDatabases();
  progress.end();
  if (!plan) {
    report(errors, format, sources, { applied: false, created: {} });
    if (format === 'pretty') console.error(`Nothing was applied: PostgreSQL refuses ${plural(errors.length, 'statement')} of the documents, so the changes to make are not exact.`);
    return EXIT.problems;
  }
  const allowed = (values['allow-hazards'] ?? []).flatMap((v) => v.split(',')).map((c) => c.trim().toUpperCase()).filter(Boolean);
  const refused = refusedHazards(plan, allowed);
  const json = (applied: boolean, more: object = {}) => console.log(JSON.stringify({ applied, database: db.description, ...planJson(plan), ...more }, null, 2));
  if (!plan.changes.length) {
    if (format === 'json') json(false);
    else console.log(`${db.description.replace(/^the /, 'The ')} already matches ${documents}: nothing to apply.`);
    return EXIT.ok;
  }
  if (format === 'pretty') console.log(`${prettyPlan(plan, `Changes from ${db.description} to ${documents}:`)}\n`);
  if (values['dry-run']) {
    if (format === 'json') json(false);
    else console.log(`Dry run: ${planSummary(plan)}; nothing was applied (schemadoc diff … --format sql prints the SQL).`);
    return EXIT.ok;
  }
  if (refused.size) {
    const codes = [...refused.keys()].join(',');
    if (format === 'json') json(false, { refused: Object.fromEntries(refused) });
    else console.error(`Not applied: the plan has ${[...refused].map(([code, n]) => `${plural(n, 'hazard')} ${code} (${HAZARDS[code].name})`).join(', ')}. `
      + `Back up what ${[...refused.values()].reduce((a, b) => a + b, 0) > 1 ? 'they touch' : 'it touches'}, then apply with --allow-hazards ${codes}. ${db.description.replace(/^the /, 'The ')} is unchanged.`);
    return EXIT.problems;
  }
  if (values.prove) {
    const proof = await provePlan(database!, document!, plan);
    const said = proofSummary(proof, db.description, documents);
    if (!proved(proof)) {
      console.error(`${said} ${db.description.replace(/^the /, 'The ')} is unchanged.`);
      return EXIT.problems;
    }
    if (format === 'pretty') console.log(said);
  }
  const outcome = await interrupt.during(() => runPlan(db, plan, {
    signal: interrupt.signal, ...(values['lock-timeout'] ? { lockTimeout: values['lock-timeout'] } : {}),
  }));
  if (outcome.interrupted) {
    console.error(`Interrupted: nothing was applied, ${db.description} is unchanged.`);
    return EXIT.interrupted;
  }
  if (!outcome.ok) {
    const { change, error } = outcome.failed!;
    const committed = change.outsideTransaction;
    const diagnostic: Diagnostic = {
      code: 'SD304', severity: 'error', ...(change.spans[0] ? { span: change.spans[0] } : {}),
      message: `PostgreSQL refused to ${change.action} ${change.kind} ${change.name}: ${error.message}${error.detail ? ` (${error.detail})` : ''}`
        + (error.code === '55P03' ? '. The lock was not granted in time: another session holds the table (raise --lock-timeout, or apply when it is quiet)' : ''),
    };
    report([diagnostic], format, sources, { applied: Boolean(committed), created: {} });
    if (format === 'pretty') {
      console.error(committed
        ? `The transaction was committed; ${plural(outcome.notRun.length, 'change')} to run after it did not run (the first is the one above).`
        : `Nothing was applied: ${db.description} is unchanged.`);
    }
    return EXIT.problems;
  }
  if (format === 'json') json(true);
  else console.log(`Applied ${planSummary(plan)} to ${db.description} in ${(performance.now() / 1000).toFixed(2)} s.`);
  return EXIT.ok;
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
