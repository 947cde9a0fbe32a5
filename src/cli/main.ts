#!/usr/bin/env node
import { EnvironmentError } from '../pg/database.js';
import { ConfigError } from '../check/config.js';
import { EXIT, UsageError } from './usage.js';
import { packageVersion } from './version.js';

const help = `schemadoc: your Markdown schema document is the source of truth for PostgreSQL.

Usage: schemadoc <command> DOC... [options]

Commands:
  check     find the defects of a document: SQL PostgreSQL refuses, contradictions,
            design problems, broken conventions (pretty, json, sarif, github)
  apply     create the documented schema in a database (embedded by default), or bring
            one that has a schema to the documents, as a plan of changes
  verify    say where a database has drifted from its documents, object by object
  diff      plan the changes from one schema to another (documents, git revisions,
            databases): hazards, and the SQL up and down
  migrate   write migration files from the documents, run them up and down
  generate  write TypeScript from the documents: types, Kysely, Zod, Drizzle
  docs      write the canonical Markdown document of documents or a database
  pull      write the document of a database that has none
  sql       print the DDL the documents describe
  inspect   show the schema model read from the documents (--json for all of it)

Run \`schemadoc <command> --help\` for a command's options.`;

type Command = (argv: string[]) => Promise<number>;

/** Each command's module, loaded when it runs: a command waits for its own code alone. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.js')).checkCommand,
  apply: async () => (await import('./apply.js')).applyCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  generate: async () => (await import('./generate.js')).generateCommand,
  docs: async () => (await import('./docs.js')).docsCommand,
  pull: async () => (await import('./docs.js')).pullCommand,
  sql: async () => (await import('./sql.js')).sqlCommand,
  inspect: async () => (await import('./inspect.js')).inspectCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(help);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    console.log(packageVersion());
    return EXIT.ok;
  }
  const load = COMMANDS[command];
  if (!load) throw new UsageError(`unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(', ')} (see schemadoc --help)`);
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof EnvironmentError || isArgumentError(error)) {
      console.error(`schemadoc: ${(error as Error).message}`);
      process.exitCode = EXIT.usage;
    } else {
      // A bug in schemadoc, not in the document: say so plainly, with the detail to report it.
      console.error(`schemadoc: internal error: ${(error as Error)?.message ?? String(error)}`);
      if (process.env.SCHEMADOC_DEBUG) console.error(error);
      process.exitCode = EXIT.usage;
    }
  },
);

/** node:util parseArgs errors (unknown option, missing value). */
function isArgumentError(error: unknown): boolean {
  return typeof (error as { code?: string })?.code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}
