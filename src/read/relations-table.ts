// Tables of relationships: `| From Table | Column | To Table | Column |` → foreign keys.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Span } from '../schema/model.js';
import { plain } from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { MarkdownTable } from './markdown.js';

interface Layout {
  fromTable: number;
  fromColumn: number;
  toTable: number;
  toColumn: number;
}

/** Where the four cells are, when the header is that of a relationships table. */
export function relationsTableLayout(table: MarkdownTable): Layout | undefined {
  const header = table.header.map((cell) => plain(cell.text).toLowerCase());
  const fromTable = header.findIndex((h) => /^(from|source|child|referencing)( table)?$/.test(h));
  const toTable = header.findIndex((h) => /^(to|target|parent|referenced|references)( table)?$/.test(h));
  if (fromTable < 0 || toTable < 0) return undefined;
  const isColumn = (i: number) => /^(from |to |source |target )?(column|field|key)s?$/.test(header[i] ?? '');
  if (!isColumn(fromTable + 1) || !isColumn(toTable + 1)) return undefined;
  return { fromTable, fromColumn: fromTable + 1, toTable, toColumn: toTable + 1 };
}

export function readRelationsTable(table: MarkdownTable, layout: Layout, file: string): { fragments: Fragment[]; diagnostics: Diagnostic[] } {
  const fragments: Fragment[] = [];
  const name = (text: string | undefined) => plain(text ?? '').replace(/[^\p{L}\p{N}_.]/gu, '');
  for (const row of table.rows) {
    const from = name(row[layout.fromTable]?.text);
    const column = name(row[layout.fromColumn]?.text);
    const to = name(row[layout.toTable]?.text);
    const toColumn = name(row[layout.toColumn]?.text);
    if (!from || !column || !to) continue;
    const cell = row[layout.fromTable]!;
    const span: Span = { file, line: cell.line, column: cell.column, source: 'column-table' };
    const target = to.includes('.') ? { schema: to.split('.')[0]!, name: to.split('.')[1]! } : { name: to.toLowerCase() };
    fragments.push({
      kind: 'add-constraint',
      table: from.includes('.') ? { schema: from.split('.')[0]!, name: from.split('.')[1]! } : { name: from.toLowerCase() },
      constraint: { kind: 'foreign key', columns: [column], references: { ...target, columns: toColumn ? [toColumn] : [] }, spans: [span] },
    });
  }
  return { fragments, diagnostics: [] };
}
