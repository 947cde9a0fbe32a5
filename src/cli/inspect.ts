import { parseArgs } from 'node:util';
import { displayName } from '../schema/names.js';
import { loadDocuments } from './load.js';
import { report } from './output.js';
import { EXIT } from './usage.js';

export const inspectHelp = `schemadoc inspect DOC... [options]

Shows the schema model read from the documents: every table, column, constraint,
index and other object, with the document line that described it.

Options:
  --json       the whole model as JSON, with source locations
  -h, --help   this help`;

export async function inspectCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(inspectHelp);
    return EXIT.ok;
  }
  const { schema, diagnostics, sources } = await loadDocuments(positionals, 'inspect');
  if (values.json) {
    process.stdout.write(JSON.stringify({ schema, diagnostics }, null, 2) + '\n');
  } else {
    for (const table of schema.tables) {
      const at = table.spans[0];
      console.log(`table ${displayName(table)}${at ? `  (${at.file}:${at.line})` : ''}`);
      for (const c of table.columns) console.log(`  ${c.name} ${c.type.sql}${c.notNull ? ' not null' : ''}${c.default ? ` default ${c.default}` : ''}`);
      for (const c of table.constraints) console.log(`  ${c.kind}${c.name ? ` ${c.name}` : ''} (${c.columns.join(', ')})${c.references ? ` → ${displayName(c.references)}` : ''}`);
    }
    const others: [string, { name: string; schema?: string }[]][] = [
      ['enum', schema.enums], ['view', schema.views], ['index', schema.indexes.filter((i) => i.name)],
      ['function', schema.functions], ['trigger', schema.triggers], ['policy', schema.policies],
    ];
    for (const [kind, list] of others) for (const o of list) console.log(`${kind} ${displayName(o)}`);
    console.log(`${schema.examples.length} example statement(s) kept, not applied`);
    report(diagnostics, 'pretty', sources);
  }
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.problems : EXIT.ok;
}
