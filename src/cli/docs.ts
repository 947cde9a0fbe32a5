import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeScratchDatabases } from '../check/execute.js';
import { canonicalSchema } from '../diff/canonical.js';
import { markdownDocument, markdownFiles, GENERATED_END, GENERATED_START, type DocumentFile } from '../generate/markdown.js';
import { DEFAULT_DATA_DIR, openDatabase } from '../pg/database.js';
import { introspect } from '../pg/introspect/introspect.js';
import type { Schema } from '../schema/model.js';
import { plural } from '../report/pretty.js';
import { loadDocuments } from './load.js';
import { report } from './output.js';
import { EXIT, UsageError } from './usage.js';

export const docsHelp = `schemadoc docs (DOC... | --db URL | --data-dir DIR) [options]

Writes the canonical Markdown document of a schema: an overview with a Mermaid ER diagram
of the tables and their foreign keys, then for each table its comment, a table of columns
(type, nullability, default, constraints, references, description), its indexes,
constraints, triggers and policies; views with their queries, types, sequences, functions;
and the schema's SQL, which schemadoc reads back as the same schema. From documents, the
schema is what PostgreSQL makes of them (run in a scratch embedded database); from a
database, what it holds.

Options:
  --db URL             read a PostgreSQL server's schema
  --data-dir DIR       read an embedded database's schema
  --schema NAME        the schemas to read from a database (repeatable; default all but
                       PostgreSQL's own, and in a Supabase database but Supabase's)
  -o, --output FILE    write to FILE (default: stdout). A FILE schemadoc wrote before has
                       only its generated part replaced: what the author wrote above or
                       below it stays. Any other existing file is left alone unless --force
  --split DIR          write one file per table into DIR, and DIR/README.md with the
                       overview, the diagram, a list of the tables and the rest (as tbls
                       does); existing files are treated as FILE is
  --force              overwrite an existing FILE that schemadoc did not write
  --title TEXT         the document's title (default "Database schema")
  --diagram-limit N    above N characters, draw one diagram per schema (default 50000,
                       Mermaid's own limit; GitLab renders at most 2000 per page)
  -h, --help           this help`;

export const pullHelp = `schemadoc pull (--db URL | --data-dir DIR) (-o FILE.md | --split DIR) [options]

Writes the document of a database that has none: what \`schemadoc docs --db URL\` writes,
into FILE.md. Then \`schemadoc verify FILE.md --db URL\` holds the database to it.

Options:
  --db URL, --data-dir DIR, --schema NAME, --split DIR, --force, --title TEXT,
  --diagram-limit N    as for schemadoc docs
  -o, --output FILE    the document to write
  -h, --help           this help`;

const OPTIONS = {
  db: { type: 'string' }, 'data-dir': { type: 'string' }, schema: { type: 'string', multiple: true }, output: { type: 'string', short: 'o' }, split: { type: 'string' },
  force: { type: 'boolean' }, title: { type: 'string' }, 'diagram-limit': { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

export async function docsCommand(argv: string[]): Promise<number> {
  return writeDocument(argv, 'docs');
}

export async function pullCommand(argv: string[]): Promise<number> {
  return writeDocument(argv, 'pull');
}

async function writeDocument(argv: string[], command: 'docs' | 'pull'): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  if (values.help) {
    console.log(command === 'docs' ? docsHelp : pullHelp);
    return EXIT.ok;
  }
  const fromDatabase = values.db !== undefined || values['data-dir'] !== undefined;
  if (values.db && values['data-dir']) throw new UsageError('name one database: --db URL (a server) or --data-dir DIR (the embedded one)');
  if (command === 'pull' && !fromDatabase) throw new UsageError('name the database to pull: --db postgres://… or --data-dir DIR');
  if (command === 'pull' && !values.output && !values.split) throw new UsageError('name the document to write: -o FILE.md (or --split DIR)');
  if (fromDatabase && positionals.length) throw new UsageError('read either documents or a database, not both');
  if (!fromDatabase && positionals.length === 0) throw new UsageError('name documents, or a database with --db URL or --data-dir DIR');
  const limit = values['diagram-limit'] === undefined ? undefined : Number(values['diagram-limit']);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 100)) throw new UsageError(`--diagram-limit needs a number of characters, at least 100, not "${values['diagram-limit']}"`);
  if (values.split && values.output) throw new UsageError('write one document (-o FILE) or one file per table (--split DIR), not both');
  const existing = values.output ? existingText(values.output, Boolean(values.force)) : undefined;

  let schema: Schema;
  let source: string;
  if (fromDatabase) {
    const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
    if (values['data-dir'] && !existsSync(`${dataDir}/PG_VERSION`)) throw new UsageError(`${dataDir} is not an embedded database (it has no PG_VERSION)`);
    const db = await openDatabase(values.db ? { url: values.db } : { dataDir });
    try {
      const read = await introspect(db, values.schema ? { schemas: values.schema } : {});
      schema = read.schema;
      if (read.unmodelled.length) console.error(`Not written (kinds schemadoc does not model): ${plural(read.unmodelled.length, 'object')}, ${read.unmodelled.slice(0, 5).map((o) => `${o.kind} ${o.name}`).join(', ')}${read.unmodelled.length > 5 ? ', …' : ''}.`);
    } finally {
      await db.close().catch(() => {});
    }
    source = db.description;
  } else {
    const { schema: documented, diagnostics, sources } = await loadDocuments(positionals, 'docs');
    try {
      const canonical = await canonicalSchema(documented, sources);
      const errors = [...diagnostics, ...canonical.diagnostics].filter((d) => d.severity === 'error');
      if (errors.length) {
        report(errors, 'pretty', sources);
        console.error(`Nothing was written: PostgreSQL refuses ${plural(errors.length, 'statement')} of the documents (schemadoc check shows every finding).`);
        return EXIT.problems;
      }
      schema = canonical.schema;
    } finally {
      await closeScratchDatabases();
    }
    source = positionals.join(', ');
  }

  const options = { ...(values.title ? { title: values.title } : {}), source, ...(limit ? { diagramLimit: limit } : {}) };
  if (values.split) return writeSplit(values.split, markdownFiles(schema, options), Boolean(values.force));
  const text = markdownDocument(schema, options);
  if (!values.output) {
    process.stdout.write(text);
    return EXIT.ok;
  }
  writeFileSync(values.output, existing?.includes(GENERATED_START) && !values.force ? replaceGenerated(existing, text) : text);
  console.error(`Wrote ${values.output}: ${plural(schema.tables.length, 'table')}, ${plural(schema.views.length, 'view')}, ${plural(schema.functions.length, 'function')}.`);
  return EXIT.ok;
}

/** An existing file's text; refused (before anything is read or written) if schemadoc did not write it. */
function existingText(path: string, force: boolean): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  if (!text.includes(GENERATED_START) && !force) throw new UsageError(`${path} exists and schemadoc did not write it: nothing was written (--force overwrites it)`);
  return text;
}

function writeSplit(dir: string, files: DocumentFile[], force: boolean): number {
  // Every file is checked before the first is written: a refusal writes nothing.
  const existing = files.map((f) => existingText(join(dir, f.path), force));
  mkdirSync(dir, { recursive: true });
  files.forEach((f, i) => {
    const before = existing[i];
    writeFileSync(join(dir, f.path), before?.includes(GENERATED_START) && !force ? replaceGenerated(before, f.text) : f.text);
  });
  console.error(`Wrote ${plural(files.length, 'file')} into ${dir}: README.md and one per table.`);
  return EXIT.ok;
}

/** The file with only what schemadoc wrote in it replaced: the author's text around it stays. */
function replaceGenerated(existing: string, text: string): string {
  const start = existing.indexOf(GENERATED_START);
  const end = existing.indexOf(GENERATED_END, start);
  const generated = text.slice(text.indexOf(GENERATED_START), text.indexOf(GENERATED_END) + GENERATED_END.length);
  return existing.slice(0, start) + generated + (end >= 0 ? existing.slice(end + GENERATED_END.length) : '\n');
}
