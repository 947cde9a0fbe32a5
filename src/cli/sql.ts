import { parseArgs } from 'node:util';
import { emitStatements, scriptText } from '../pg/emit.js';
import { withSupabaseStandIn } from '../pg/supabase.js';
import { usesSupabase } from '../schema/supabase.js';
import { inferTypesHelp, loadDocuments } from './load.js';
import { report } from './output.js';
import { EXIT } from './usage.js';

export const sqlHelp = `schemadoc sql DOC... [options]

Prints the PostgreSQL script that \`schemadoc apply\` runs for the documents: the documents'
own SQL statements as written, in their order (moved only where a statement uses what a
later one creates), and the statements schemadoc writes for what the other representations
describe. Diagnostics go to stderr.

Options:
  --no-shims       for a document written for Supabase, leave out the stand-in of
                   Supabase's auth and storage schemas that apply creates where they
                   do not exist
${inferTypesHelp(19)}
  -h, --help       this help`;

export async function sqlCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' }, 'no-shims': { type: 'boolean' }, 'infer-types': { type: 'boolean' } },
  });
  if (values.help) {
    console.log(sqlHelp);
    return EXIT.ok;
  }
  const { schema, diagnostics, sources } = await loadDocuments(positionals, 'sql', undefined, { inferTypes: values['infer-types'] });
  let statements = emitStatements(schema);
  if (usesSupabase(schema) && !values['no-shims']) statements = withSupabaseStandIn(statements);
  process.stdout.write(scriptText(statements));
  report(diagnostics, 'pretty', sources);
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.problems : EXIT.ok;
}
