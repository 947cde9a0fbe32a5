import MarkdownIt from 'markdown-it';

/** A fenced (or indented) code block of a document. */
export interface CodeBlock {
  /** The info string's first word, lower case (`sql`, `typescript`, `` for none). */
  lang: string;
  info: string;
  content: string;
  /** 1-based line of the block's first content line in the file. */
  line: number;
  /** Columns the block's lines are indented by in the file (a fence inside a list). */
  indent: number;
  /** Headings above the block, outermost first: `['# Doc', '## Core Tables', '### user']`. */
  headingPath: string[];
}

/** Text at a place in the file; `column` is 1-based. */
export interface Located {
  text: string;
  line: number;
  column: number;
}

export interface MarkdownTable {
  kind: 'table';
  line: number;
  headingPath: string[];
  header: Located[];
  rows: Located[][];
}

export interface MarkdownList {
  kind: 'list';
  line: number;
  headingPath: string[];
  /** Items in order, nested ones included; `depth` 0 for the outermost. */
  items: (Located & { depth: number })[];
}

export interface MarkdownParagraph extends Located {
  kind: 'paragraph';
  headingPath: string[];
}

export interface MarkdownHeading extends Located {
  kind: 'heading';
  level: number;
  headingPath: string[];
}

/** The document's structure, in document order. */
export type MarkdownElement = MarkdownTable | MarkdownList | MarkdownParagraph | MarkdownHeading | ({ kind: 'code' } & CodeBlock);

/** An HTML block with a `schemadoc-ignore` comment, and the lines of the block that follows it. */
export interface HtmlBlock {
  content: string;
  line: number;
  next?: { line: number; endLine: number };
}

export interface MarkdownDocument {
  blocks: CodeBlock[];
  elements: MarkdownElement[];
  htmlBlocks: HtmlBlock[];
}

// Only block structure is read: inline parsing (emphasis, links) is switched off for speed;
// an inline token still carries its raw text.
const parser = new MarkdownIt({ html: true });
type Token = ReturnType<typeof parser.parse>[number];
parser.core.ruler.disable('inline');

export function readMarkdown(source: string): MarkdownDocument {
  const originalLines = linesOutsideTableComments(source);
  const text = originalLines ? keptText(source, originalLines) : source;
  const tokens = parser.parse(text, {});
  const reading: Reading = { lines: text.split('\n'), headings: [], blocks: [], elements: [], htmlBlocks: [] };
  for (let i = 0; i < tokens.length; i++) i = readElement(reading, tokens, i);
  const document = { blocks: reading.blocks, elements: reading.elements, htmlBlocks: reading.htmlBlocks };
  return originalLines ? withOriginalLines(document, originalLines) : document;
}

// The functions below share a reading as an object literal, not a class or closures, and make
// their objects as literals, not spreads: V8 keeps a literal's shape for as long as the code
// that makes it, so their optimized code outlives every reading (see kept-shapes.ts).

interface Reading extends MarkdownDocument {
  lines: string[];
  headings: { level: number; text: string }[];
}

/** Reads the element that starts at token i; returns the index of its last token. */
function readElement(reading: Reading, tokens: Token[], i: number): number {
  const token = tokens[i]!;
  if (token.type === 'heading_open' && token.map) {
    const level = Number(token.tag.slice(1));
    const title = tokens[i + 1]?.content ?? '';
    const { headings } = reading;
    while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
    headings.push({ level, text: `${token.markup} ${title}` });
    const at = located(reading, tokens[i + 1], token.map[0] + 1);
    reading.elements.push({ kind: 'heading', level, text: at.text, line: at.line, column: at.column, headingPath: headingPath(reading) });
  } else if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
    addCode(reading, token);
  } else if (token.type === 'table_open' && token.map) {
    return readTable(reading, tokens, i);
  } else if ((token.type === 'bullet_list_open' || token.type === 'ordered_list_open') && token.level === 0 && token.map) {
    return readList(reading, tokens, i);
  } else if (token.type === 'html_block' && token.map && token.content.includes('schemadoc-ignore')) {
    const next = tokens.find((t, j) => j > i && t.map && t.level === 0 && t.type !== 'html_block')?.map;
    reading.htmlBlocks.push({ content: token.content, line: token.map[0] + 1, ...(next ? { next: { line: next[0] + 1, endLine: next[1] } } : {}) });
  } else if (token.type === 'paragraph_open' && token.level === 0 && token.map) {
    const at = located(reading, tokens[i + 1], token.map[0] + 1);
    reading.elements.push({ kind: 'paragraph', text: at.text, line: at.line, column: at.column, headingPath: headingPath(reading) });
  }
  return i;
}

function readTable(reading: Reading, tokens: Token[], i: number): number {
  const table: MarkdownTable = { kind: 'table', line: tokens[i]!.map![0] + 1, headingPath: headingPath(reading), header: [], rows: [] };
  let row: Located[] | undefined;
  let rowLine = 0;
  for (i++; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'tr_open') {
      row = [];
      rowLine = (t.map?.[0] ?? 0) + 1;
    } else if (t.type === 'tr_close' && row) {
      if (table.header.length === 0) table.header = row;
      else table.rows.push(row);
    } else if (t.type === 'inline' && row) {
      row.push({ text: t.content, line: rowLine, column: cellColumn(reading.lines[rowLine - 1] ?? '', row.length) });
    }
  }
  reading.elements.push(table);
  return i;
}

function readList(reading: Reading, tokens: Token[], i: number): number {
  const list: MarkdownList = { kind: 'list', line: tokens[i]!.map![0] + 1, headingPath: headingPath(reading), items: [] };
  let depth = -1;
  let itemLine = 0;
  let itemTaken = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      if (--depth < 0) break;
    } else if (t.type === 'list_item_open') {
      itemLine = (t.map?.[0] ?? 0) + 1;
      itemTaken = false;
    } else if ((t.type === 'fence' || t.type === 'code_block') && t.map) {
      addCode(reading, t);
    } else if (t.type === 'inline' && !itemTaken) {
      // An item's first paragraph is its text; later paragraphs are prose.
      itemTaken = true;
      const at = located(reading, t, itemLine);
      list.items.push({ text: at.text, line: at.line, column: at.column, depth });
    }
  }
  reading.elements.push(list);
  return i;
}

function addCode(reading: Reading, token: Token): void {
  const info = token.info.trim();
  const map = token.map!;
  const firstLine = token.type === 'fence' ? map[0] + 1 : map[0];
  const lang = (info.split(/\s+/)[0] ?? '').toLowerCase();
  const line = firstLine + 1;
  const indent = leadingSpaces(reading.lines[token.type === 'fence' ? map[0] : firstLine] ?? '');
  const path = headingPath(reading);
  reading.blocks.push({ lang, info, content: token.content, line, indent, headingPath: path });
  reading.elements.push({ kind: 'code', lang, info, content: token.content, line, indent, headingPath: path });
}

function headingPath(reading: Reading): string[] {
  return reading.headings.map((h) => h.text);
}

function located(reading: Reading, inline: Token | undefined, line: number): Located {
  const content = inline?.content ?? '';
  const source = reading.lines[line - 1] ?? '';
  const at = content ? source.indexOf(content.split('\n')[0]!) : -1;
  return { text: content, line, column: at >= 0 ? at + 1 : leadingSpaces(source) + 1 };
}

/**
 * A `<!-- schemadoc-ignore … -->` line between two rows of a Markdown table would end the
 * table there (and the rows after it would be lost). Such lines are left out of what is
 * parsed: the result is the file line of each line that is kept, undefined when all are.
 * (Numbers rather than an object of text and lines: an object made and dropped by every
 * reading takes a shape that dies with it, and the reading's optimized code with the shape.)
 */
function linesOutsideTableComments(source: string): number[] | undefined {
  if (!source.includes('schemadoc-ignore')) return undefined;
  const lines = source.split('\n');
  const row = (line: string | undefined) => line?.trimStart().startsWith('|') ?? false;
  const originalLines: number[] = [];
  lines.forEach((line, i) => {
    if (/^\s*<!--\s*schemadoc-ignore\b.*-->\s*$/.test(line) && row(lines[i - 1]) && row(lines[i + 1])) return;
    originalLines.push(i + 1);
  });
  return originalLines.length === lines.length ? undefined : originalLines;
}

function keptText(source: string, originalLines: number[]): string {
  const lines = source.split('\n');
  return originalLines.map((n) => lines[n - 1]).join('\n');
}

/** The document with every line number turned back into the file's. */
function withOriginalLines(document: MarkdownDocument, originalLines: number[]): MarkdownDocument {
  const line = (n: number) => originalLines[n - 1] ?? n;
  const located = <T extends { line: number }>(x: T): T => ({ ...x, line: line(x.line) });
  const blocks = document.blocks.map(located);
  return {
    blocks,
    htmlBlocks: document.htmlBlocks.map((h) => ({ ...located(h), ...(h.next ? { next: { line: line(h.next.line), endLine: line(h.next.endLine) } } : {}) })),
    elements: document.elements.map((e): MarkdownElement => {
      switch (e.kind) {
        case 'table': return { ...located(e), header: e.header.map(located), rows: e.rows.map((r) => r.map(located)) };
        case 'list': return { ...located(e), items: e.items.map(located) };
        default: return located(e);
      }
    }),
  };
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** The 1-based column where the n-th cell of a table row starts (after its pipe and spaces). */
function cellColumn(line: string, n: number): number {
  let cell = line.trimStart().startsWith('|') ? -1 : 0;
  for (let i = 0; i < line.length; i++) {
    if (cell === n && line[i] !== ' ' && line[i] !== '|') return i + 1;
    if (line[i] === '\\') i++;
    else if (line[i] === '|') cell++;
  }
  return 1;
}
