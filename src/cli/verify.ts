import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closeScratchDatabases } from '../check/execute.js';
import { DRIFT_CODES } from '../diff/drift.js';
import { verifySchema } from '../diff/verify.js';
import { DEFAULT_DATA_DIR, openDatabase } from '../pg/database.js';
import { holdsDatabase } from '../pg/data-dir.js';
import { extensionsFor } from '../pg/supabase.js';
import { plural } from '../report/pretty.js';
import { progressLine } from '../report/progress.js';
import { loadDocuments } from './load.js';
import { formatReport, parseReportFormat, report } from './output.js';
import { EXIT, UsageError } from './usage.js';

export const verifyHelp = `schemadoc verify DOC... (--db URL | --data-dir DIR) [options]

Says, object by object, where a database has drifted from its documents: what the
documents describe that the database lacks, what the database has that they do not
describe, and what differs (column types, nullability, defaults, constraints, indexes,
views, functions, triggers, policies, row level security, enum values and their order,
comments), each at the document line of the object, with the database's version beside
the document's. The documents are run in a scratch embedded database and read back, so
spellings never count as drift: int4 is integer, now() is CURRENT_TIMESTAMP.

Options:
  --db URL            the PostgreSQL server to verify (default: $DATABASE_URL)
  --data-dir DIR      the embedded database to verify (default ${DEFAULT_DATA_DIR}, if it exists)
  --scratch-db URL    an empty PostgreSQL database to run the documents in (in a
                      transaction that is rolled back) instead of the embedded one: for
                      extensions it does not ship, such as postgis
  --schema NAME       also compare this schema (repeatable; the schemas the documents
                      make objects in are always compared)
  --ignore PATTERN    leave out objects by name, e.g. schema_migrations, 'public.ar_*',
                      'audit.*' (repeatable; a table's columns, indexes, triggers and
                      policies go with it)
  --format FORMAT     pretty (default), json, sarif or github
  -o, --output FILE   write the report to FILE instead of stdout
  -h, --help          this help

Exit codes: 0 the database matches the documents, 1 it has drifted (or the documents'
SQL fails), 2 usage or environment.`;

export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' }, 'data-dir': { type: 'string' }, 'scratch-db': { type: 'string' }, schema: { type: 'string', multiple: true }, ignore: { type: 'string', multiple: true },
      format: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(verifyHelp);
    return EXIT.ok;
  }
  const format = parseReportFormat(values.format);
  if (values.db && values['data-dir']) throw new UsageError('name one database: --db URL (a server) or --data-dir DIR (the embedded one)');
  const url = values['data-dir'] ? undefined : values.db ?? process.env.DATABASE_URL;
  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  if (!url && !holdsDatabase(dataDir)) {
    throw new UsageError(values['data-dir']
      ? `${dataDir} is not an embedded database (it has no PG_VERSION): name the directory \`schemadoc apply --data-dir\` made`
      : `name the database to verify: --db postgres://… (or $DATABASE_URL) or --data-dir DIR; there is no embedded database in ${DEFAULT_DATA_DIR}`);
  }

  const progress = progressLine();
  const { schema, diagnostics: reading, sources } = await loadDocuments(positionals, 'verify', progress);
  const db = await openDatabase({ url, dataDir, extensions: extensionsFor(schema) });
  let result;
  try {
    result = await verifySchema(schema, sources, db, {
      ignore: values.ignore ?? [], schemas: values.schema ?? [], progress: progress.update, ...(values['scratch-db'] ? { scratchUrl: values['scratch-db'] } : {}),
    });
  } finally {
    progress.end();
    await db.close().catch(() => {});
    await closeScratchDatabases();
  }

  if (result.documentErrors.length) {
    const errors = [...reading.filter((d) => d.severity === 'error'), ...result.documentErrors];
    report(errors, 'pretty', sources);
    const unshipped = result.documentErrors.some((d) => d.code === 'SD402');
    console.error(unshipped
      ? 'Not verified: the documents need an extension the embedded database does not ship; name an empty database on a server that has it with --scratch-db URL.'
      : `Not verified: PostgreSQL refuses ${plural(result.documentErrors.length, 'statement')} of the documents, so what they describe is not exact (schemadoc check shows every finding).`);
    return EXIT.problems;
  }
  const toFile = values.output !== undefined;
  const color = !toFile && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const rules = Object.values(DRIFT_CODES).map((c) => ({ ...c, severity: 'error' as const }));
  let text = formatReport(result.diagnostics, format, rules, { color, sources, perCode: Infinity });
  if (format === 'pretty') {
    const compared = `${positionals.join(', ')} and ${db.description}`;
    const time = `${(performance.now() / 1000).toFixed(1)} s`;
    const unmodelled = result.unmodelled.length
      ? `\nNot compared (kinds schemadoc does not model): ${summarise(result.unmodelled)}.` : '';
    text = result.diagnostics.length
      ? `${text}\n${plural(result.diagnostics.length, 'difference')} between ${compared} (${time}).${unmodelled}`
      : `${db.description.replace(/^the /, 'The ')} matches ${positionals.join(', ')}: ${plural(result.document.schema.tables.length, 'table')} and everything on them (${time}).${unmodelled}`;
  }
  if (toFile) writeFileSync(values.output!, text + '\n');
  else process.stdout.write(text + '\n');
  return result.diagnostics.length ? EXIT.problems : EXIT.ok;
}

/** `2 rules, 1 publication (supabase_realtime)`. */
function summarise(objects: { kind: string; name: string }[]): string {
  const byKind = new Map<string, string[]>();
  for (const o of objects) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o.name]);
  return [...byKind].map(([kind, names]) => `${plural(names.length, kind)} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`).join(', ');
}
