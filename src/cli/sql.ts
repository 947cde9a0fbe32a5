import { parseArgs } from 'node:util';
import { emitSql } from '../pg/emit.js';
import { loadDocuments } from './load.js';
import { report } from './output.js';
import { EXIT } from './usage.js';

export const sqlHelp = `schemadoc sql DOC... [options]

Prints the PostgreSQL DDL that the documents describe, in dependency order: the
exact script that \`schemadoc apply\` runs. Diagnostics go to stderr.

Options:
  -h, --help   this help`;

export async function sqlCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(sqlHelp);
    return EXIT.ok;
  }
  const { schema, diagnostics, sources } = await loadDocuments(positionals, 'sql');
  process.stdout.write(emitSql(schema));
  report(diagnostics, 'pretty', sources);
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.problems : EXIT.ok;
}
