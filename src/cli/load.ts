import { readFileSync, statSync } from 'node:fs';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { compileDocuments, type Compilation } from '../compile.js';
import type { DocumentInput } from '../read/document.js';
import { plural } from '../report/pretty.js';
import type { ProgressLine } from '../report/progress.js';
import { UsageError } from './usage.js';

export interface LoadedDocuments extends Compilation {
  sources: Map<string, string>;
}

/** Reads the named documents and compiles them together. */
export async function loadDocuments(paths: string[], command = 'apply', progress?: ProgressLine, reading: ReadingOptions = {}): Promise<LoadedDocuments> {
  const inputs = readDocuments(paths, command, reading);
  if (progress) announceReading(inputs, progress);
  const compilation = await compileDocuments(inputs);
  progress?.end();
  return { ...compilation, sources: new Map(inputs.map((i) => [i.file, i.text])) };
}

/** How the documents are read: `--infer-types`. */
export type ReadingOptions = Pick<DocumentInput, 'inferTypes'>;

/** The help of --infer-types, the same in every command that has it, its text from `column`. */
export function inferTypesHelp(column: number): string {
  return ['where the document names columns but no types, make a draft:', '*_id and id bigint, *_at timestamptz, is_*/has_* boolean,', 'otherwise text (each guess a warning at its line)']
    .map((line, i) => (i === 0 ? '  --infer-types'.padEnd(column) : ' '.repeat(column)) + line).join('\n');
}

/** Below this much text, reading is over before a line would be worth reading. */
const LARGE_INPUT = 1_000_000;

/** On a terminal, says that large documents are being read (seconds, with nothing to count). */
export function announceReading(inputs: DocumentInput[], progress: ProgressLine): void {
  const size = inputs.reduce((n, input) => n + input.text.length, 0);
  if (size >= LARGE_INPUT) progress.phase(`reading ${plural(inputs.length, 'document')} (${(size / 1e6).toFixed(1)} MB)`);
}

/** The documents named on the command line; a quoted glob (`'docs/**\/*.md'`) names every file it matches. */
export function readDocuments(paths: string[], command: string, reading: ReadingOptions = {}): DocumentInput[] {
  return documentFiles(paths, command).map((file) => ({ file, text: readDocumentFile(file), ...(reading.inferTypes ? { inferTypes: true } : {}) }));
}

/** The files the command line names, a glob's matches in order, each once. */
export function documentFiles(paths: string[], command: string): string[] {
  if (paths.length === 0) throw new UsageError(`name at least one document, e.g. \`schemadoc ${command} docs/DATABASE_SCHEMA.md\``);
  const files = paths.flatMap((path) => {
    if (!isDynamicPattern(path)) return [path];
    const matched = globSync(path, { onlyFiles: true }).sort();
    if (matched.length === 0) throw new UsageError(`no file matches ${path}`);
    return matched;
  });
  return [...new Set(files)];
}

function readDocumentFile(file: string): string {
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory; name the Markdown document inside it`);
    const bytes = readFileSync(file);
    // As git tells binary files: a NUL byte near the start.
    if (bytes.subarray(0, 8000).includes(0)) throw new UsageError(`${file} is a binary file, not a document: name a Markdown document or a .sql file`);
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot read ${file}: no such file`);
    if (code === 'EACCES') throw new UsageError(`cannot read ${file}: permission denied`);
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
