// Claims a document's prose makes about its own schema, read so that `check` can hold the
// schema to them: "Created_at and updated_at timestamps are present on all tables",
// "Row-Level Security: applied where necessary", "The schema consists of 12 tables", the
// rows of an RLS summary table (| Table | SELECT | INSERT | … |), and what deleting a row does
// ("Deleting a User cascades to their Notes", | Parent | Child | On Delete |, an ON DELETE
// CASCADE item under a `user → collection` heading). Prose it cannot read claims nothing.
import type { Claim, ReferentialAction, Span } from '../schema/model.js';
import { plain } from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { Located, MarkdownElement, MarkdownTable } from './markdown.js';

const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const COUNT = `(\\d+|${Object.keys(NUMBERS).join('|')})`;
/** "consists of 12 tables", "contains twelve database tables", "Total tables: 12". */
const TABLE_COUNT = [
  new RegExp(`\\b(?:consists of|contains|comprises|includes|defines|has|have)\\s+${COUNT}\\s+(?:database\\s+)?tables\\b`, 'i'),
  new RegExp(`^\\s*(?:total\\s+)?(?:number of\\s+)?tables\\s*[:=]\\s*${COUNT}\\s*$`, 'i'),
];
const EVERY_TABLE = /\b(?:on|in|to|for)?\s*(?:all|every|each)\s+(?:of\s+the\s+|the\s+)?tables?\b/i;
const COMMANDS = ['select', 'insert', 'update', 'delete'] as const;
/** Cells of an access table that promise no policy: no access, or only roles that bypass RLS. */
const NO_POLICY = /^(?:|-+|—|–|none|no|n\/a|✗|❌|✘|x|denied|deny|service(?: role)?(?: only)?|backend(?: only)?|server|system|bypass(?:es)?(?: rls)?|superuser|postgres)$/i;

const ACTION = /^(?:on delete\s+)?(cascade|set null|restrict|no action|set default)$/i;
/** `ShiftDetails (opened_by)`: a table, and the column of its foreign key. */
const TABLE_CELL = /^([\p{L}_][\p{L}\p{N}_$.]*)(?:\s*\(\s*([\p{L}_][\p{L}\p{N}_]*)\s*\))?$/u;

export function readClaims(elements: MarkdownElement[], file: string): Fragment[] {
  const claims: Claim[] = [];
  for (const element of elements) {
    if (element.kind === 'list') {
      for (const item of element.items) readSentence(item, file, claims);
      readRelationItems(element.headingPath.at(-1), element.items, file, claims);
    } else if (element.kind === 'paragraph' && element.text.length < 400) readSentence(element, file, claims);
    else if (element.kind === 'table') {
      readAccessTable(element, file, claims);
      readRelationsTable(element, file, claims);
    }
  }
  return claims.map((claim) => ({ kind: 'claim', claim }));
}

function readSentence(at: Located, file: string, claims: Claim[]): void {
  const statement = at.text.trim();
  const text = statement.replace(/\*\*/g, '');
  const span: Span = { file, line: at.line, column: at.column, source: 'prose' };
  if (/\b(not|never|no|without|except|some|most)\b/i.test(text)) return;
  if (EVERY_TABLE.test(text)) {
    // The columns named in it: code marks, or snake_case words (created_at).
    const columns = new Set<string>();
    for (const [, code] of text.matchAll(/`([\p{L}_][\p{L}\p{N}_]*)`/gu)) columns.add(code!.toLowerCase());
    for (const [word] of text.matchAll(/\b[\p{L}]+_[\p{L}\p{N}_]+\b/gu)) columns.add(word.toLowerCase());
    if (columns.size) claims.push({ kind: 'columns-everywhere', columns: [...columns], statement, span });
  }
  if (/\b(row[- ]level security|RLS)\b/i.test(text) && /\b(applied|enabled|enforced|in place|active)\b/i.test(text)) {
    claims.push({ kind: 'row-level-security', statement, span });
  }
  // "Deleting a User cascades to all their JobApplications and ActivityLogs".
  const cascade = /^deleting an? ([\p{L}_][\p{L}\p{N}_]*) (?:also )?cascades to (.+?)\.?$/iu.exec(text);
  if (cascade) {
    for (const [child] of cascade[2]!.replace(/`/g, '').matchAll(/[\p{L}_][\p{L}\p{N}_]*/gu)) {
      if (!/^(all|their|its|the|and|related|entries|entry|junction|table|tables|only|rows?)$/i.test(child)) {
        claims.push({ kind: 'on-delete', parent: cascade[1]!, child, action: 'cascade', span });
      }
    }
  }
  for (const pattern of TABLE_COUNT) {
    const found = pattern.exec(text);
    if (!found) continue;
    const count = NUMBERS[found[1]!.toLowerCase()] ?? Number(found[1]);
    claims.push({ kind: 'table-count', count, statement, span });
    break;
  }
}

/** | Parent | Child | … | On Delete |: each row says what deleting a parent row does to the child's. */
function readRelationsTable(table: MarkdownTable, file: string, claims: Claim[]): void {
  const columns = table.header.map((h) => plain(h.text).toLowerCase());
  const action = columns.findIndex((c) => /^on delete$|^delete( rule| action)?$/.test(c));
  const parentAt = columns.findIndex((c) => /^(parent|referenced|one|from)\b/.test(c));
  const childAt = columns.findIndex((c) => /^(child|referencing|many|to)\b/.test(c));
  if (action < 0 || parentAt < 0 || childAt < 0) return;
  for (const row of table.rows) {
    const cell = row[action];
    const stated = ACTION.exec(plain(cell?.text ?? '').replace(/[*`]/g, '').trim())?.[1];
    const parent = TABLE_CELL.exec(plain(row[parentAt]?.text ?? '').replace(/`/g, ''));
    const child = TABLE_CELL.exec(plain(row[childAt]?.text ?? '').replace(/`/g, ''));
    if (!cell || !stated || !parent || !child) continue;
    claims.push({
      kind: 'on-delete', parent: parent[1]!, child: child[1]!, ...(child[2] ? { column: child[2] } : {}),
      action: stated.toLowerCase() as ReferentialAction, span: { file, line: cell.line, column: cell.column, source: 'prose' },
    });
  }
}

/** An `ON DELETE CASCADE` item in a list under a heading `user → collection` (or `user + flashcard → study`). */
function readRelationItems(heading: string | undefined, items: Located[], file: string, claims: Claim[]): void {
  const relation = heading && /([\p{L}_][\p{L}\p{N}_]*(?:\s*\+\s*[\p{L}_][\p{L}\p{N}_]*)*)\s*(?:→|->)\s*([\p{L}_][\p{L}\p{N}_]*)/u.exec(plain(heading).replace(/`/g, ''));
  if (!relation) return;
  for (const item of items) {
    const stated = /^\W*on delete (cascade|set null|restrict|no action|set default)\b/i.exec(item.text.replace(/\*\*/g, ''))?.[1];
    if (!stated) continue;
    for (const parent of relation[1]!.split('+').map((p) => p.trim())) {
      claims.push({ kind: 'on-delete', parent, child: relation[2]!, action: stated.toLowerCase() as ReferentialAction, span: { file, line: item.line, column: item.column, source: 'prose' } });
    }
  }
}

/** | Table | SELECT | INSERT | UPDATE | DELETE |: each cell that grants access promises a policy. */
function readAccessTable(table: MarkdownTable, file: string, claims: Claim[]): void {
  const columns = table.header.map((h) => plain(h.text).toLowerCase());
  const commands = COMMANDS.map((command) => [command, columns.indexOf(command)] as const).filter(([, at]) => at > 0);
  if (commands.length < 2 || !/\btables?\b/.test(columns[0]!)) return;
  for (const row of table.rows) {
    const name = plain(row[0]?.text ?? '').replace(/`/g, '');
    if (!/^[\p{L}_][\p{L}\p{N}_$.]*$/u.test(name)) continue;
    for (const [command, at] of commands) {
      const cell = row[at];
      const access = plain(cell?.text ?? '').replace(/[*_`]/g, '').trim();
      if (!cell || NO_POLICY.test(access)) continue;
      claims.push({ kind: 'policy', table: name, command, access, span: { file, line: cell.line, column: cell.column, source: 'prose' } });
    }
  }
}
