import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closeScratchDatabases } from '../check/execute.js';
import { planChanges } from '../diff/plan/plan.js';
import { reversed, type RenameSpec } from '../diff/plan/renames.js';
import { planSql } from '../diff/plan/script.js';
import { withinScope } from '../diff/scope.js';
import { readDocumentSides, readSide, sideSpec, type Side, type SideSpec } from '../diff/sides.js';
import { schemasOf } from '../pg/existing.js';
import { provePlan, proved } from '../diff/prove/prove.js';
import { planJson, planSummary, prettyPlan, proofSummary } from '../report/plan.js';
import { plural } from '../report/pretty.js';
import { readDocuments } from './load.js';
import { report } from './output.js';
import { EXIT, UsageError } from './usage.js';

export const diffHelp = `schemadoc diff FROM TO [options]

Plans the changes that turn a database holding FROM into one holding TO: an ordered list
of changes, each with what it risks on a database that has rows (hazards, SD801…), and
the SQL that makes it (up) and that undoes it (down). Both sides are read as PostgreSQL
makes them (documents are run in a scratch embedded database and read back), so a
document and the database it was applied to have no changes between them.

FROM and TO are each one of:
  DOC[,DOC…]          one or more documents (Markdown or .sql), or a quoted glob
  git:REV:PATH        a document as it is at a git revision (git:HEAD~1:docs/schema.md)
  postgres://…        a PostgreSQL server (or keyword/value pairs: host=… dbname=…)
  DIR                 an embedded database directory (one \`schemadoc apply\` made)
  empty               nothing

Options:
  --format FORMAT     pretty (default: the changes and their hazards), sql (the up
                      script, or with --down the down script) or json (everything)
  --down              with --format sql: the script that turns TO back into FROM
  --schema NAME       plan only this schema (repeatable; default: the schemas the
                      documents make objects in, or every schema of two databases)
  --exclude-schema NAME  leave this schema out (repeatable)
  --rename OLD=NEW    a table (or TABLE.COLUMN=NEW, a column) the TO side calls NEW
                      was called OLD: it is renamed, with its rows (repeatable; a
                      document can say so itself: <!-- schemadoc: renamed from OLD -->)
  --prove             run the plan first on an embedded copy of FROM filled with
                      generated rows, and check that it gives TO and keeps every row of
                      every column that stays (exit 1 if not)
  --concurrently      build new indexes on existing tables CONCURRENTLY (each one
                      outside the transaction)
  --scratch-db URL    an empty PostgreSQL database to read documents in, instead of
                      the embedded one (for extensions it does not ship, such as postgis)
  --prelude FILE      SQL to run before the documents there: roles, schemas they take
                      for granted (repeatable)
  -o, --output FILE   write to FILE instead of stdout
  -h, --help          this help

Exit codes: 0 planned (with or without changes), 1 a document's SQL fails, 2 usage or
environment.`;

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' }, down: { type: 'boolean' }, schema: { type: 'string', multiple: true }, 'exclude-schema': { type: 'string', multiple: true },
      concurrently: { type: 'boolean' }, prove: { type: 'boolean' }, rename: { type: 'string', multiple: true }, 'scratch-db': { type: 'string' }, prelude: { type: 'string', multiple: true },
      output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(diffHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 2) throw new UsageError('name two sides: `schemadoc diff FROM TO`, each a document, git:REV:PATH, a database or `empty`');
  const format = values.format ?? 'pretty';
  if (!['pretty', 'sql', 'json'].includes(format)) throw new UsageError(`--format is pretty, sql or json, not ${format}`);
  if (values.down && format !== 'sql') throw new UsageError('--down goes with --format sql (json has both scripts; pretty lists the changes)');

  const specs = positionals.map((p) => sideSpec(p, (paths) => readDocuments(paths, 'diff')));
  const prelude = values.prelude?.length ? readDocuments(values.prelude, 'diff') : undefined;
  let from: Side;
  let to: Side;
  try {
    const options = { ...(values['scratch-db'] ? { scratchUrl: values['scratch-db'] } : {}), ...(prelude ? { prelude } : {}) };
    // Documents first (one after the other: they share the scratch database); a database is read in the schemas they make objects in.
    const documents: (Side | undefined)[] = [];
    const scoped = { ...options, ...(values.schema ? { schemas: values.schema } : {}) };
    if (specs[0]!.kind === 'documents' && specs[1]!.kind === 'documents') documents.push(...await readDocumentSides(specs[0]!, specs[1]!, scoped));
    else for (const spec of specs) documents.push(spec.kind === 'documents' ? await readSide(spec, scoped) : undefined);
    const failed = documents.find((d) => d?.errors.length);
    if (failed) {
      report(failed.errors, 'pretty', failed.sources);
      console.error(`Not planned: PostgreSQL refuses ${plural(failed.errors.length, 'statement')} of ${failed.description}, so what it describes is not exact (schemadoc check shows every finding).`);
      return EXIT.problems;
    }
    const schemas = values.schema ?? (documents.some(Boolean) ? [...new Set(documents.flatMap((d) => (d ? schemasOf(d.schema) : [])))] : undefined);
    const read = async (spec: SideSpec, i: number) => documents[i] ?? readSide(spec, schemas ? { schemas } : {});
    [from, to] = [await read(specs[0]!, 0), await read(specs[1]!, 1)];
  } finally {
    await closeScratchDatabases();
  }
  const scope = { ...(values.schema ? { schemas: values.schema } : {}), ...(values['exclude-schema'] ? { excludeSchemas: values['exclude-schema'] } : {}) };
  const [before, after] = [withinScope(from.schema, scope), withinScope(to.schema, scope)];
  const renames = parseRenames(values.rename ?? []);
  const up = planChanges(before, after, { concurrently: Boolean(values.concurrently), renames });
  // The way back, planned only where it is shown.
  const down = () => planChanges(after, before, { concurrently: Boolean(values.concurrently), renames: renames.map(reversed) });

  let text: string;
  if (format === 'sql') text = planSql(values.down ? down() : up).trimEnd();
  else if (format === 'json') text = JSON.stringify({ from: from.description, to: to.description, up: planJson(up), down: planJson(down()) }, null, 2);
  else {
    text = up.changes.length
      ? `${prettyPlan(up, `From ${from.description} to ${to.description}:`)}

${planSummary(up)}. The SQL: --format sql (up), --format sql --down (down).`
      : `No changes: ${to.description} is what ${from.description} holds.`;
  }
  if (values.output !== undefined) writeFileSync(values.output, text + '\n');
  else process.stdout.write(text + '\n');
  if (!values.prove || !up.changes.length) return EXIT.ok;
  const proof = await provePlan(before, after, up);
  const said = proofSummary(proof, from.description, to.description);
  (proved(proof) ? console.log : console.error)(said);
  return proved(proof) ? EXIT.ok : EXIT.problems;
}

/** `--rename old=new`, `--rename orders.total=amount`. */
export function parseRenames(values: string[]): RenameSpec[] {
  return values.map((value) => {
    const [from, to, ...rest] = value.split('=');
    if (!from || !to || rest.length || to.includes('.')) {
      throw new UsageError(`--rename takes OLD=NEW (a table) or TABLE.OLD=NEW (a column), with the new name alone after =, not ${value}`);
    }
    return { from: from.trim(), to: to.trim() };
  });
}
