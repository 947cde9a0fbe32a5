import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { markdownDocument, markdownFiles, markdownPart, PART_NAMES, type DocumentFile, type MarkdownOptions } from '../generate/markdown.js';
import { derivedStart, GENERATED_END, generatedParts, generatedRange, withoutGenerated, type GeneratedPart } from '../read/generated.js';
import type { Schema } from '../schema/model.js';
import { plural } from '../report/pretty.js';
import type { DocumentInput } from '../read/document.js';
import { loadParser } from '../read/sql/parser.js';
import { readDocuments } from './load.js';
import { databaseSchema, documentsSchema } from './read-schema.js';
import { EXIT, UsageError } from './usage.js';

export const docsHelp = `schemadoc docs (DOC... | --db URL | --data-dir DIR) [options]

Writes the canonical Markdown document of a schema: an overview with a Mermaid ER diagram
of the tables and their foreign keys, then for each table its comment (or the document's
paragraph under its heading), a table of columns (type, nullability, default, constraints,
references, description: a comment, or the document's own), its indexes,
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
  --update             rewrite, in the one DOC named, only the part schemadoc wrote there
                       before (between its <!-- schemadoc:generated --> comments), from
                       the rest of the document; with no such part, add one at its end.
                       Parts the author placed, named for what goes in them
                       (<!-- schemadoc:generated:start diagram --> … :end -->; also
                       tables, table NAME, views, types, sequences, functions, sql), are
                       each filled with that part, under the author's own headings
  --force              overwrite an existing FILE that schemadoc did not write
  --title TEXT         the document's title (default "Database schema")
  --diagram-limit N    above N characters, draw one diagram per schema, and a schema too
                       large for one in parts (default 50000, Mermaid's own limit; GitLab
                       renders at most 2000 per page)
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
  db: { type: 'string' }, 'data-dir': { type: 'string' }, schema: { type: 'string', multiple: true }, output: { type: 'string', short: 'o' }, split: { type: 'string' }, update: { type: 'boolean' },
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
  if ([values.split, values.output, values.update].filter(Boolean).length > 1) throw new UsageError('write one of: -o FILE, --split DIR or --update');
  if (values.update && (fromDatabase || positionals.length !== 1)) throw new UsageError('--update rewrites the generated part of one document: name it, e.g. schemadoc docs docs/schema.md --update');
  const existing = values.output ? existingText(values.output, Boolean(values.force)) : undefined;

  let inputs: DocumentInput[] = [];
  let read: { schema: Schema; source: string } | undefined;
  if (fromDatabase) {
    read = await databaseSchema(values);
    await loadParser();
  } else {
    inputs = readDocuments(positionals, 'docs');
    // With --update, what schemadoc wrote is left out: the rest of the document is what it is written from.
    const authored = values.update ? inputs.map((i) => ({ ...i, text: withoutGenerated(i.text) })) : inputs;
    read = await documentsSchema(authored);
    if (!read) return EXIT.problems;
    if (values.update && read.schema.tables.length + read.schema.views.length + read.schema.types.length + read.schema.enums.length === 0) {
      throw new UsageError(`${positionals[0]} describes no schema outside what schemadoc wrote in it: nothing to update it from`);
    }
  }

  const { schema, source } = read;
  const options = { ...(values.title ? { title: values.title } : {}), source, ...(limit ? { diagramLimit: limit } : {}), ...(values.update ? { derived: true } : {}) };
  if (values.split) return writeSplit(values.split, markdownFiles(schema, options), Boolean(values.force));
  const parts = values.update ? generatedParts(inputs[0]!.text) : [];
  if (parts.some((p) => p.name)) {
    writeFileSync(positionals[0]!, withPartsFilled(inputs[0]!.text, parts, positionals[0]!, schema, options));
    console.error(`Updated ${positionals[0]}: ${plural(parts.length, 'part')} written from the rest of it.`);
    return EXIT.ok;
  }
  const text = markdownDocument(schema, options);
  const target = values.update ? positionals[0]! : values.output;
  if (!target) {
    process.stdout.write(text);
    return EXIT.ok;
  }
  const before = values.update ? inputs[0]!.text : existing;
  writeFileSync(target, before !== undefined && generatedRange(before) && !values.force ? replaceGenerated(before, text)
    : values.update ? `${before!.trimEnd()}\n\n${generatedPart(text)}\n` : text);
  console.error(`Wrote ${target}: ${plural(schema.tables.length, 'table')}, ${plural(schema.views.length, 'view')}, ${plural(schema.functions.length, 'function')}.`);
  return EXIT.ok;
}

/**
 * The document with each part its author placed (`<!-- schemadoc:generated:start diagram -->` …)
 * filled with that part of what schemadoc writes; every name is checked before anything is written.
 */
function withPartsFilled(text: string, parts: GeneratedPart[], file: string, schema: Schema, options: MarkdownOptions): string {
  let out = '';
  let from = 0;
  for (const part of parts) {
    const content = part.name ? markdownPart(schema, part.name, options) : undefined;
    if (content === undefined) {
      const line = text.slice(0, part.start).split('\n').length;
      throw new UsageError(`${file}:${line}: ${part.name ? `"${part.name}" is no part schemadoc writes` : 'a part with no name beside named ones'}; name each part one of: ${PART_NAMES.join(', ')}, table NAME`);
    }
    out += `${text.slice(from, part.start)}${derivedStart(part.name)}\n\n${content}${content ? '\n\n' : ''}${GENERATED_END}`;
    from = part.end;
  }
  return out + text.slice(from);
}

/** The part of a generated document between its markers, markers included. */
function generatedPart(text: string): string {
  const range = generatedRange(text)!;
  return text.slice(range.start, range.end);
}

/** An existing file's text; refused (before anything is read or written) if schemadoc did not write it. */
function existingText(path: string, force: boolean): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  if (!generatedRange(text) && !force) throw new UsageError(`${path} exists and schemadoc did not write it: nothing was written (--force overwrites it)`);
  return text;
}

function writeSplit(dir: string, files: DocumentFile[], force: boolean): number {
  // Every file is checked before the first is written: a refusal writes nothing.
  const existing = files.map((f) => existingText(join(dir, f.path), force));
  mkdirSync(dir, { recursive: true });
  files.forEach((f, i) => {
    const before = existing[i];
    writeFileSync(join(dir, f.path), before !== undefined && generatedRange(before) && !force ? replaceGenerated(before, f.text) : f.text);
  });
  console.error(`Wrote ${plural(files.length, 'file')} into ${dir}: README.md and one per table.`);
  return EXIT.ok;
}

/** The file with only what schemadoc wrote in it replaced: the author's text around it stays. */
function replaceGenerated(existing: string, text: string): string {
  const range = generatedRange(existing)!;
  return existing.slice(0, range.start) + generatedPart(text) + existing.slice(range.end);
}
