import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkDocuments } from '../check/check.js';
import { closeScratchDatabases } from '../check/execute.js';
import { progressLine } from '../report/progress.js';
import { loadConfig } from '../check/config.js';
import { RULES } from '../check/rules/index.js';
import { countBySeverity } from '../schema/diagnostic.js';
import { FINDINGS_PER_CODE, PLACES_SHOWN, plural } from '../report/pretty.js';
import { announceReading, inferTypesHelp, readDocuments } from './load.js';
import { formatReport, parseReportFormat } from './output.js';
import { EXIT, UsageError } from './usage.js';

export const checkHelp = `schemadoc check DOC... [options]

Finds the defects of schema documents, each at its document line: SQL that PostgreSQL
refuses (the schema and the example statements are run in a scratch embedded database,
inside a transaction that is rolled back), representations that contradict each other,
design problems (unindexed foreign keys, redundant indexes, ON DELETE SET NULL on NOT NULL
columns, reserved words, timestamp without time zone …) and breaks of the conventions the
document states for itself ("Indexes follow the pattern ix_{table}_{columns}"), and
what its prose claims ("created_at is present on all tables", an RLS summary table).
Several files, or a quoted glob ('docs/**/*.md'), are checked together as one schema.

The recommended rules run by default. Style rules (text over varchar, identity over
serial, an explicit ON DELETE, timestamps with time zone) run only where the document
states that convention, or where the config asks: "extends": "schemadoc:all", or the
rule's code in "rules". Findings of one cause are one finding with all their places.

Options:
  --format FORMAT     pretty (default), json, sarif (SARIF 2.1.0, for GitHub code
                      scanning) or github (annotations in a GitHub Actions log)
  -o, --output FILE   write the report to FILE instead of stdout
  --max-warnings N    exit 1 when there are more than N warnings (default: no limit)
  -q, --quiet         report errors only (warnings still count for --max-warnings)
  --max-diagnostics N show at most N findings of each code in pretty output, and how
                      many more there are (default ${FINDINGS_PER_CODE}; json, sarif and github have all)
  --all-places        list every place of a finding that has several (one cause, such
                      as varchar in twelve columns); pretty output shows the first
                      ${PLACES_SHOWN} and counts the rest
  --config FILE       rule set, severities and conventions (default: schemadoc.config.json,
                      .ts, .mjs or .js in the current directory)
  --db URL            run the schema and examples on this PostgreSQL server instead, in a
                      transaction that is rolled back (for extensions the embedded
                      database does not ship, such as postgis)
  --prelude FILE      SQL to run first in that transaction: the roles, schemas or
                      extensions the documents take for granted (repeatable)
  --no-execute        do not run the schema and examples in the scratch database
${inferTypesHelp(22)}
  -h, --help          this help

In a document, <!-- schemadoc-ignore SD501 --> silences a code for the block, row or
line that follows (with no code, every finding there). Rules: docs/rules/<code>.md.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many
warnings, 2 usage or environment.`;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' }, output: { type: 'string', short: 'o' }, 'max-warnings': { type: 'string' },
      config: { type: 'string' }, 'no-execute': { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' },
      db: { type: 'string' }, prelude: { type: 'string', multiple: true }, 'max-diagnostics': { type: 'string' },
      'all-places': { type: 'boolean' }, 'infer-types': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(checkHelp);
    return EXIT.ok;
  }
  const format = parseReportFormat(values.format);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity || maxWarnings < 0) {
    throw new UsageError(`--max-warnings needs a whole number of warnings, not "${values['max-warnings']}"`);
  }
  const perCode = values['max-diagnostics'] === undefined ? FINDINGS_PER_CODE : Number(values['max-diagnostics']);
  if (!Number.isInteger(perCode) || perCode < 1) {
    throw new UsageError(`--max-diagnostics needs a whole number of findings, at least 1, not "${values['max-diagnostics']}"`);
  }
  const documents = readDocuments(positionals, 'check', { inferTypes: values['infer-types'] });
  const config = await loadConfig(process.cwd(), values.config);

  let result;
  const progress = progressLine();
  announceReading(documents, progress);
  try {
    const prelude = values.prelude?.length ? readDocuments(values.prelude, 'check') : undefined;
    result = await checkDocuments(documents, {
      config, execute: !values['no-execute'], ...(values.db ? { url: values.db } : {}), ...(prelude ? { prelude } : {}), progress: progress.update,
    });
  } finally {
    progress.end();
    await closeScratchDatabases();
  }
  const diagnostics = values.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const sources = new Map(documents.map((d) => [d.file, d.text]));
  const toFile = values.output !== undefined;
  const color = !toFile && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  let text = formatReport(diagnostics, format, RULES.map((r) => r.meta), { color, sources, perCode, allPlaces: values['all-places'] });
  if (format === 'pretty') {
    const t = result.schema.tables.length;
    const what = `${documents.map((d) => d.file).join(', ')} (${plural(t, 'table')}`
      + `${result.execution ? `; schema and ${plural(result.execution.examplesRun, 'example')} run in ${result.execution.where}` : ''}`
      + `; ${(performance.now() / 1000).toFixed(1)} s)`;
    const hidden = result.diagnostics.length - diagnostics.length;
    const note = hidden ? `; ${hidden} ${hidden === 1 ? 'warning or info' : 'warnings and infos'} not shown (--quiet)` : '';
    text = diagnostics.length ? `${text}\nChecked ${what}${note}.`
      : hidden ? `No errors in ${what}${note}.` : `No problems found in ${what}.`;
  }
  if (toFile) writeFileSync(values.output!, text + '\n');
  else process.stdout.write(text + '\n');

  const counts = countBySeverity(result.diagnostics);
  if (format === 'pretty' && counts.warning > maxWarnings) {
    console.error(`schemadoc: ${plural(counts.warning, 'warning')}, more than --max-warnings ${maxWarnings}.`);
  }
  return counts.error > 0 || counts.warning > maxWarnings ? EXIT.problems : EXIT.ok;
}
