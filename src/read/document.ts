import { authoredText } from './generated.js';
import type { Diagnostic, Suppression } from '../schema/diagnostic.js';
import { displayName } from '../schema/names.js';
import { definedTables, type Fragment } from './fragment.js';
import { readClaims } from './claims.js';
import { readConventions } from './conventions.js';
import { readIgnoreComments } from './ignore-comments.js';
import { readMarkdown, type MarkdownElement } from './markdown.js';
import { loadParser } from './sql/parser.js';
import { isDbmlBlock, readDbml } from './dbml.js';
import { keepShapes } from './kept-shapes.js';
import { isMermaidErDiagram, readMermaid } from './mermaid.js';
import { isPrismaBlock, readPrisma } from './prisma.js';
import { readSections } from './sections.js';
import { readCodeFieldLists } from './code-field-lists.js';
import { readPageLinks } from './page-links.js';
import { readSqlBlocks } from './sql/blocks.js';
import { isTypeScriptBlock, readTypeOrm } from './typeorm.js';

export interface DocumentInput {
  /** The path shown in diagnostics. */
  file: string;
  text: string;
  /** Column names without types become a draft with types guessed from the names (--infer-types). */
  inferTypes?: boolean;
}

export interface DocumentReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
  /** Where `schemadoc-ignore` comments silence findings. */
  suppressions: Suppression[];
}

/** Loads the parsers (libpg-query is WebAssembly); call once before `readDocument`. */
export async function prepareReaders(): Promise<void> {
  await loadParser();
}

/** Fragments that say something about a schema but create nothing. */
const NOT_SCHEMA = new Set<Fragment['kind']>(['example', 'setting', 'declared-function', 'rls-all-tables', 'relationship', 'foreign-key-hint', 'model-interface', 'stated-reference', 'stated-length', 'convention', 'claim', 'page-link', 'table-description']);

/** A `.sql` file (a pg_dump, a structure.sql, a migration) is one script; anything else is Markdown. */
export function isSqlFile(file: string): boolean {
  return /\.(sql|psql|pgsql)$/i.test(file);
}

/** Every representation in one document → fragments (but a part schemadoc wrote from the rest of it). */
export async function readDocument(input: DocumentInput): Promise<DocumentReading> {
  const reading = await readText({ ...input, text: authoredText(input.text) });
  const bad = input.text.indexOf('\uFFFD');
  if (bad >= 0) reading.diagnostics.push(notUtf8(input.file, input.text, bad));
  return reading;
}

async function readText({ file, text, inferTypes = false }: DocumentInput): Promise<DocumentReading> {
  if (isSqlFile(file)) return readSqlFile(file, text);
  const markdown = readCodeFieldLists(readMarkdown(text), file);
  const code = await readTypeOrm(markdown.blocks.filter(isTypeScriptBlock), file);
  // In the document's order: the SQL is a script, read as it runs.
  const sql = readSqlBlocks(code.sqlBlocks.length ? [...markdown.blocks, ...code.sqlBlocks].sort((a, b) => a.line - b.line) : markdown.blocks, file);
  const diagrams = [
    ...markdown.blocks.filter(isMermaidErDiagram).map((block) => readMermaid(block, file)),
    ...markdown.blocks.filter(isPrismaBlock).map((block) => readPrisma(block, file)),
    ...await Promise.all(markdown.blocks.filter(isDbmlBlock).map((block) => readDbml(block, file))),
    code,
  ];
  const sqlTables = new Set(definedTables(sql.fragments).map(displayName));
  const drawn = definedTables(diagrams.flatMap((d) => d.fragments)).map((t) => t.name);
  const sections = readSections(markdown.elements, file, sqlTables, inferTypes, drawn);
  const fragments = [...sql.fragments, ...sections.fragments, ...diagrams.flatMap((d) => d.fragments), ...readConventions(markdown.elements, file), ...readClaims(markdown.elements, file), ...readPageLinks(markdown.elements, file)];
  const diagnostics = [...markdown.diagnostics, ...sql.diagnostics, ...sections.diagnostics, ...diagrams.flatMap((d) => d.diagnostics), ...noSchema(fragments, sections.diagnostics, file, markdown.elements)];
  keepShapes();
  return { fragments, diagnostics, suppressions: readIgnoreComments(text, file, markdown.htmlBlocks) };
}

/** Bytes that are not UTF-8 were decoded as U+FFFD: where the first one is. */
function notUtf8(file: string, text: string, at: number): Diagnostic {
  const before = text.slice(0, at).split('\n');
  return {
    code: 'SD109', severity: 'warning', span: { file, line: before.length, column: before[before.length - 1]!.length + 1, source: 'prose' },
    message: 'the document has bytes that are not UTF-8 here (shown as \uFFFD): schemadoc reads documents as UTF-8, so names and text there are not what was meant',
  };
}

function readSqlFile(file: string, text: string): DocumentReading {
  const sql = readSqlBlocks([{ lang: 'sql', info: 'sql', content: text, line: 1, indent: 0, headingPath: [] }], file);
  return { fragments: sql.fragments, diagnostics: [...sql.diagnostics, ...noSchema(sql.fragments, [], file)], suppressions: [] };
}

function noSchema(fragments: Fragment[], read: Diagnostic[], file: string, elements: MarkdownElement[] = []): Diagnostic[] {
  if (fragments.some((f) => !NOT_SCHEMA.has(f.kind))) return [];
  // Say what is missing where the document shows it: types (SD125), or the pages it links to.
  const untyped = read.some((d) => d.code === 'SD125');
  const pages = untyped ? [] : linkedPages(elements);
  // Only prose and lists: the tables are named in sentences (their columns, maybe, in images).
  const proseOnly = elements.length > 0 && !elements.some((e) => e.kind === 'table' || e.kind === 'code');
  const images = proseOnly && elements.some((e) => e.kind === 'paragraph' && /!\[[^\]]*\]\([^)]+\.(png|jpe?g|svg|gif)\)/i.test(e.text));
  const mongo = read.some((d) => d.code === 'SD128') || elements.some((e) => (e.kind === 'paragraph' || e.kind === 'heading') && /\bmongo(db|ose)\b/i.test(e.text));
  return [{
    code: 'SD100', severity: 'error', span: { file, line: 1, column: 1, source: 'prose' },
    ...(!untyped && !mongo && pages.length ? { cause: INDEX_OF_PAGES } : {}),
    message: untyped
      ? 'no schema found: the document names tables and their columns but no types (below); --infer-types makes a draft schema from the names'
      : mongo
        ? 'no schema found: the document describes MongoDB collections, not a relational schema (schemadoc reads PostgreSQL tables: SQL, tables of columns with their types, diagrams)'
      : pages.length
        ? `no schema found: the document lists tables described in other files (${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ', …' : ''}); check them together with it (a quoted glob: 'docs/*.md')`
        : proseOnly
          ? `no schema found: the document describes its tables in prose only${images ? ' (and images)' : ''}, with no SQL, table of columns, field list or diagram to read their columns from`
          : 'no schema found: the document has no SQL block or table of columns that describes a table, type or other object',
  }];
}

/** The cause of a 'no schema found' that an index of pages checked with its pages does not have. */
export const INDEX_OF_PAGES = 'index of pages';

/** The Markdown files a table of tables links to in its first column (a tbls README: `[users](users.md)`). */
function linkedPages(elements: MarkdownElement[]): string[] {
  const pages: string[] = [];
  for (const element of elements) {
    if (element.kind !== 'table') continue;
    const links = element.rows.map((row) => /^\[[^\]]+\]\(([^)\s]+\.md)\)$/.exec((row[0]?.text ?? '').trim())?.[1]);
    if (links.length && links.every(Boolean)) pages.push(...(links as string[]));
  }
  return pages;
}
