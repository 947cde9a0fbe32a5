// A code block, often labelled sql, that holds no SQL but field lists written as text:
//   fitsFile:
//   - fitsFileId (Primary Key)
//   - fitsFileName (Text)        -- shown to the user
// Each `name:` is read as a table's heading and its items as that table's field list; the
// block is not given to the SQL reader, which would only report that it does not parse.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { CodeBlock, MarkdownElement, MarkdownDocument } from './markdown.js';

const TABLE_LINE = /^\s*([\p{L}_][\p{L}\p{N}_.]*)\s*:\s*$/u;
const ITEM_LINE = /^(\s*)[-*]\s+(\S.*)$/;

/** The document's structure with each such block replaced by the headings and lists it means. */
export function readCodeFieldLists(markdown: MarkdownDocument, file: string): MarkdownDocument & { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read = new Set<CodeBlock>();
  const elements = markdown.elements.flatMap((element): MarkdownElement[] => {
    if (element.kind !== 'code') return [element];
    const lists = fieldListsOf(element);
    if (!lists) return [element];
    read.add(markdown.blocks.find((b) => b.line === element.line)!);
    diagnostics.push({
      code: 'SD127', severity: 'info', cause: 'field lists in code', span: { file, line: element.line, column: element.indent + 1, source: 'bullets' },
      message: `a ${element.lang ? `${element.lang} ` : ''}code block that holds field lists, not SQL: read as the columns of ${lists.filter((e) => e.kind === 'heading').map((e) => e.text).join(', ')}`,
    });
    return lists;
  });
  if (read.size === 0) return { ...markdown, diagnostics };
  return { ...markdown, elements, blocks: markdown.blocks.filter((b) => !read.has(b)), diagnostics };
}

/** `name:` lines each followed by `- field` items, and nothing else but comments; undefined otherwise. */
function fieldListsOf(block: CodeBlock): MarkdownElement[] | undefined {
  if (!['sql', '', 'text', 'txt', 'plaintext'].includes(block.lang)) return undefined;
  const elements: MarkdownElement[] = [];
  const level = Math.max(0, ...block.headingPath.map((h) => /^#+/.exec(h)?.[0].length ?? 0)) + 1;
  let list: Extract<MarkdownElement, { kind: 'list' }> | undefined;
  let items = 0;
  for (const [n, text] of block.content.split('\n').entries()) {
    const line = block.line + n;
    if (/^\s*(--.*)?$/.test(text)) continue;
    const table = TABLE_LINE.exec(text);
    const item = ITEM_LINE.exec(text);
    if (table) {
      const headingPath = [...block.headingPath, `${'#'.repeat(level)} ${table[1]}`];
      elements.push({ kind: 'heading', level, text: table[1]!, line, column: block.indent + 1, headingPath });
      list = { kind: 'list', line: line + 1, headingPath, items: [] };
      elements.push(list);
    } else if (item && list) {
      // A SQL comment after the field is what it means: `(Text) -- SHA-256 hash` → `(Text) — SHA-256 hash`.
      list.items.push({ text: item[2]!.replace(/\s+--\s*/, ' — ').trim(), line, column: block.indent + item[1]!.length + 3, depth: 0 });
      items++;
    } else {
      return undefined;
    }
  }
  return items >= 2 ? elements : undefined;
}
