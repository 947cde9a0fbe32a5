// Bullet lists under a table's heading: `**Indexes**:` and `**Constraints**:` items, written
// as the SQL they describe and read with PostgreSQL's parser.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { QualifiedName, Span } from '../schema/model.js';
import { displayName } from '../schema/names.js';
import { ident, qualified } from '../pg/quote.js';
import { plain } from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { Located } from './markdown.js';
import { fixedSpan } from './source-map.js';
import { collectColumns, parseOne } from './sql/ast.js';
import { readIndex } from './sql/objects.js';
import { readAlterTable } from './sql/alter.js';

export type ListKind = 'indexes' | 'constraints';

/** What a label above a list (`**Indexes**:`, `#### Constraints`) announces. */
export function listKindOf(label: string): ListKind | undefined {
  const text = plain(label).toLowerCase().replace(/[:：\s]+$/u, '');
  if (/^(indexes|indices|index|index strategy|indexing|índices|indizes|индексы|dizinler|chỉ mục|索引|インデックス|인덱스)$/u.test(text)) return 'indexes';
  if (/^(constraints|table constraints|keys|foreign keys|foreign key constraints|restricciones|claves foráneas|contraintes|clés étrangères|einschränkungen|fremdschlüssel|ограничения|внешние ключи|kısıtlamalar|ràng buộc|khóa ngoại|约束|約束|外键|外鍵|外键约束|外鍵約束|制約|外部キー|외래 키|제약조건)$/u.test(text)) return 'constraints';
  return undefined;
}

export interface BulletReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
}

/**
 * `table` is the table of the section the list is in; without one, only items that name
 * their table (`` `tasks.assignor_id` ``, `` `logs(task_id, created_at DESC)` ``) are read.
 */
export function readBullets(
  kind: ListKind, items: Located[], table: QualifiedName | undefined, file: string, known: Set<string>,
): BulletReading {
  const reading: BulletReading = { fragments: [], diagnostics: [] };
  for (const item of items) {
    const span: Span = { file, line: item.line, column: item.column, source: 'bullets' };
    const named = kind === 'indexes' ? tableNamedByItem(item.text) : undefined;
    if (named && known.has(named.table.name)) readIndexBullet(named.rest, named.table, span, reading);
    else if (named) continue;
    else if (!table) continue;
    // `PRIMARY KEY (id)` in a list of indexes: the constraint, which makes its index.
    else if (kind === 'indexes' && !CONSTRAINT_CLAUSE.test(plain(item.text))) readIndexBullet(item.text, table, span, reading);
    else readConstraintBullet(item.text, table, span, reading);
  }
  // A list none of whose items reads as an index or constraint is prose about them.
  if (reading.fragments.length === 0) reading.diagnostics = reading.diagnostics.filter((d) => d.code !== 'SD117');
  return reading;
}

/** `` `tasks.assignor_id` — … `` or `` `logs(task_id, created_at DESC)` — … ``: an index item naming its table. */
function tableNamedByItem(text: string): { table: QualifiedName; rest: string } | undefined {
  const dotted = /^\s*`([\p{L}_][\p{L}\p{N}_]*)\.([\p{L}_][\p{L}\p{N}_]*)`(.*)$/u.exec(text);
  if (dotted) return { table: { name: dotted[1]! }, rest: `on ${dotted[2]}${unique(dotted[3]!)}` };
  const call = /^\s*`([\p{L}_][\p{L}\p{N}_]*)\s*\(([^()]+)\)`(.*)$/u.exec(text);
  if (call) return { table: { name: call[1]! }, rest: `on (${call[2]})${unique(call[3]!)}` };
  return undefined;
}

function unique(description: string): string {
  return /\bunique\b/i.test(description) ? ' unique' : '';
}

const METHODS = /\b(gin|gist|brin|hash|btree|spgist|b-tree)\b/i;

/**
 * `` `idx_users_email` on email ``, `on (tier, status)`, `on created_at DESC`,
 * `partial index WHERE is_active = true`, `GIN on output_data`, `unique index on (a, b)`.
 */
function readIndexBullet(text: string, table: QualifiedName, span: Span, reading: BulletReading): void {
  const nameMatch = /^\s*`([^`]+)`\s*:?\s*/.exec(text);
  const name = nameMatch && /^[\p{L}_][\p{L}\p{N}_$]*$/u.test(nameMatch[1]!) ? nameMatch[1]! : undefined;
  const rest = plain(name ? text.slice(nameMatch![0].length) : text);
  const where = /\bwhere\s+(.+?)\s*(?:\s[-–—]\s.*)?$/i.exec(rest)?.[1]?.replace(/[.;]$/, '');
  const head = where === undefined ? rest : rest.slice(0, rest.search(/\bwhere\b/i));
  // `on (a, b)`, `on created_at DESC`, or `UNIQUE INDEX (username)`.
  const on = /\bon\s+(\([^)]*\)|[\p{L}_"][\p{L}\p{N}_."]*(?:\s+(?:asc|desc))?(?:\s+nulls\s+(?:first|last))?)/iu.exec(head)?.[1]
    ?? /^\s*(?:unique\s+)?(?:key|index)\s*(\([^)]*\))\s*$/i.exec(head)?.[1];
  const unique = /\bunique\b/i.test(head);
  const method = METHODS.exec(head)?.[1]?.toLowerCase().replace('b-tree', 'btree') ?? 'btree';
  let keys = on ? (on.startsWith('(') ? on.slice(1, -1) : on) : undefined;

  if (keys === undefined && where !== undefined) {
    const column = collectColumns(where)[0];
    if (!column) {
      reading.diagnostics.push({ code: 'SD116', severity: 'warning', span, message: `index bullet has no column and its WHERE names none: "${plain(text)}"` });
      return;
    }
    keys = ident(column);
    reading.diagnostics.push({
      code: 'SD115', severity: 'warning', span, cause: 'partial index key',
      message: `partial index${name ? ` ${name}` : ''} names no key column; schemadoc keys it on ${column}, the column its WHERE tests`,
      fix: `${name ? `\`${name}\` ` : ''}on ${column} WHERE ${where}`,
    });
  }
  if (keys === undefined) {
    reading.diagnostics.push({ code: 'SD117', severity: 'info', span, message: `not read as an index (no "on <columns>"): "${plain(text)}"` });
    return;
  }
  const sql = `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name ? `${ident(name)} ` : ''}ON ${qualified(table)} USING ${method} (${keys})${where ? ` WHERE ${where}` : ''}`;
  const parsed = parseOne(sql);
  if ('error' in parsed || parsed.kind !== 'IndexStmt') {
    reading.diagnostics.push({
      code: 'SD118', severity: 'error', span,
      message: `index on ${displayName(table)} cannot be read: ${'error' in parsed ? parsed.error : 'not an index'} (read as: ${sql})`,
    });
    return;
  }
  reading.fragments.push({ kind: 'index', index: readIndex(parsed.node, span) });
}

const CONSTRAINT_CLAUSE = /^(constraint\s+\S+\s+)?(primary key|foreign key|unique|check|exclude)\s*(\(|nulls\b|using\b)/i;

/** `` `userId` 引用 `Users(id)` ON DELETE CASCADE ``: a column, a word or arrow for "references", its target. */
const REFERENCE_ITEM = /^([\p{L}_][\p{L}\p{N}_]*)\s+(?:references|refers to|→|->|引用|参照|참조|ссылается на|referencia a|référence|verweist auf|tham chiếu)\s+([\p{L}_][\p{L}\p{N}_.]*)\s*(\([^()]*\))?\s*((?:on (?:delete|update) (?:cascade|set null|set default|restrict|no action)\s*)*)$/iu;

/** `PRIMARY KEY (user_id, role_id)`, `FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE`, `UNIQUE (a, b)`. */
function readConstraintBullet(text: string, table: QualifiedName, span: Span, reading: BulletReading): void {
  let clause = plain(text).replace(/\s+[-–—]\s+.*$/, '').replace(/[.;]$/, '');
  const reference = REFERENCE_ITEM.exec(clause);
  // `Users` is the table users as SQL folds it; `userId` the column as written (merging finds its spelling).
  if (reference) clause = `FOREIGN KEY (${reference[1]}) REFERENCES ${reference[2]} ${reference[3] ?? ''} ${reference[4]}`.trim();
  if (!CONSTRAINT_CLAUSE.test(clause)) {
    reading.diagnostics.push({ code: 'SD117', severity: 'info', span, message: `not read as a constraint: "${plain(text)}"` });
    return;
  }
  const parsed = parseOne(`ALTER TABLE ${qualified(table)} ADD ${clause}`);
  const fragments = 'error' in parsed ? undefined : readAlterTable(parsed.node, fixedSpan(span), span).fragments;
  if (!fragments?.length) {
    reading.diagnostics.push({
      code: 'SD118', severity: 'error', span,
      message: `constraint on ${displayName(table)} cannot be read: ${'error' in parsed ? parsed.error : 'not a constraint'}`,
    });
    return;
  }
  for (const f of fragments) if (f.kind === 'add-constraint') f.constraint.spans = [{ ...span }];
  reading.fragments.push(...fragments);
}
