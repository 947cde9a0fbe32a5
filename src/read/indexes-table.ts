// A table's indexes as SchemaSpy lists them under its columns: `| Constraint Name | Type |
// Sort | Column(s) |`, each row a primary key, a unique index or an index on its columns.
import type { IndexKey, Span } from '../schema/model.js';
import { tableOf } from '../schema/names.js';
import { plain } from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { MarkdownTable } from './markdown.js';

interface Layout {
  name: number;
  type: number;
  sort: number;
  columns: number;
}

const KINDS = /^(primary key|must be unique|performance)$/i;

/** Where the cells are, when the header and every Type cell are SchemaSpy's. */
export function indexesTableLayout(table: MarkdownTable): Layout | undefined {
  const header = table.header.map((cell) => plain(cell.text).toLowerCase());
  const layout = {
    name: header.findIndex((h) => /^(constraint|index) name$/.test(h)),
    type: header.indexOf('type'),
    sort: header.indexOf('sort'),
    columns: header.findIndex((h) => /^(column\(s\)|columns)$/.test(h)),
  };
  if (layout.name < 0 || layout.type < 0 || layout.columns < 0 || table.rows.length === 0) return undefined;
  return table.rows.every((row) => KINDS.test(plain(row[layout.type]?.text ?? ''))) ? layout : undefined;
}

export function readIndexesTable(table: MarkdownTable, layout: Layout, tableName: string, file: string): Fragment[] {
  const fragments: Fragment[] = [];
  for (const row of table.rows) {
    const cell = row[layout.name]!;
    const span: Span = { file, line: cell.line, column: cell.column, source: 'column-table' };
    // `tenant_id + slug` (SchemaSpy joins the columns of one index with +), sorted `Asc/Desc`.
    const columns = plain(row[layout.columns]?.text ?? '').split(/\s*[+,]\s*/).filter(Boolean);
    const sorts = plain(layout.sort < 0 ? '' : row[layout.sort]?.text ?? '').split('/');
    const kind = plain(row[layout.type]!.text).toLowerCase();
    const indexName = plain(cell.text);
    if (columns.length === 0) continue;
    if (kind === 'primary key') {
      fragments.push({ kind: 'add-constraint', table: tableOf(tableName), constraint: { kind: 'primary key', name: indexName, columns, spans: [span] } });
      continue;
    }
    const keys: IndexKey[] = columns.map((column, i) => (/^desc$/i.test(sorts[i] ?? '') ? { column, descending: true } : { column }));
    const on = tableOf(tableName);
    fragments.push({
      kind: 'index',
      index: { ...(on.schema ? { schema: on.schema } : {}), name: indexName, table: on, unique: kind === 'must be unique', method: 'btree', keys, include: [], spans: [span] },
    });
  }
  return fragments;
}
