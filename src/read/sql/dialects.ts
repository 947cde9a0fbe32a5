// MySQL, SQL Server and SQLite syntax in a PostgreSQL document: backticks, AUTO_INCREMENT,
// INT(11), UNSIGNED, ENUM('a','b'), SET('a','b'), ON UPDATE CURRENT_TIMESTAMP, ENGINE=InnoDB,
// IDENTITY(1,1), NVARCHAR(MAX), [dbo].[name], ON [PRIMARY], CLUSTERED, GETDATE() … A statement
// PostgreSQL rejects is rewritten token by token into the PostgreSQL it means, and each
// rewrite is reported with that PostgreSQL as the fix.
import { codeTokens, type ScanToken } from './parser.js';
import type { Diagnostic } from '../../schema/diagnostic.js';
import { isReservedWord } from '../../schema/names.js';
import { ident } from '../../pg/quote.js';
import { EditedSourceMap, type BlockSourceMap } from '../source-map.js';

interface Edit {
  start: number;
  end: number;
  replacement: string;
  /** An info once per statement and kind; a warning at every place where the PostgreSQL loses something the document says. */
  finding?: { kind: string; message: string; fix: string; loses?: boolean };
  /** PostgreSQL parses what is replaced, then has no such type or collation (`tinyint`, `TEXT(30)`). */
  parses?: boolean;
}

export interface DialectRepair {
  text: string;
  at: BlockSourceMap;
  diagnostics: Diagnostic[];
}

const INTEGER_TYPES = /^(tinyint|smallint|mediumint|int|integer|bigint)$/i;

const TYPES: Record<string, [string, string]> = {
  tinyint: ['smallint', 'MySQL or SQL Server'], mediumint: ['integer', 'MySQL'], datetime: ['timestamp', 'MySQL or SQL Server'], datetime2: ['timestamp', 'SQL Server'],
  smalldatetime: ['timestamp', 'SQL Server'], datetimeoffset: ['timestamptz', 'SQL Server'], image: ['bytea', 'SQL Server'], varbinary: ['bytea', 'MySQL or SQL Server'],
  longtext: ['text', 'MySQL'], mediumtext: ['text', 'MySQL'], tinytext: ['text', 'MySQL'], longblob: ['bytea', 'MySQL'],
  mediumblob: ['bytea', 'MySQL'], blob: ['bytea', 'MySQL'], tinyblob: ['bytea', 'MySQL'], nvarchar: ['varchar', 'SQL Server'],
  nchar: ['char', 'SQL Server'], ntext: ['text', 'SQL Server'], uniqueidentifier: ['uuid', 'SQL Server'], bit: ['boolean', 'SQL Server'],
};

/** Words of TYPES that are PostgreSQL types too, if other ones (`bit(1)`, `nchar(10)`). */
const POSTGRES_TYPES = new Set(['bit', 'nchar']);

/**
 * Words PostgreSQL parses as a type or collation but has none of: a statement that parses may
 * still be MySQL or SQL Server (`c tinyint(4)`, `d datetime`).
 */
const FOREIGN_WORDS = new RegExp(
  `\\b(${Object.keys(TYPES).filter((t) => !POSTGRES_TYPES.has(t)).join('|')})\\b|\\btext\\s*\\(\\s*\\d|\\bcollate\\s+"?(utf8|latin1|ascii|binary)|--.*\\bbool`, 'i',
);

/** Whether a statement that parses may name types PostgreSQL does not have; a cheap test before any scan. */
export function namesForeignTypes(text: string): boolean {
  return FOREIGN_WORDS.test(text);
}

const FUNCTIONS: Record<string, [string, string]> = {
  getdate: ['now()', 'SQL Server'], newid: ['gen_random_uuid()', 'SQL Server'], sysdatetime: ['now()', 'SQL Server'], uuid: ['gen_random_uuid()', 'MySQL'],
};

/** SQL Server's `(MAX)` lengths: no limit, as PostgreSQL's text and bytea have none. */
const UNLIMITED: Record<string, string> = { varchar: 'text', nvarchar: 'text', varbinary: 'bytea' };

/** SQL Server's index options in WITH (…), which PostgreSQL's storage parameters are not. */
const SQL_SERVER_INDEX_OPTIONS = /^(pad_index|statistics_norecompute|ignore_dup_key|allow_row_locks|allow_page_locks|optimize_for_sequential_key|data_compression|online|sort_in_tempdb)$/i;

/** Table options after CREATE TABLE's closing parenthesis. */
const TABLE_OPTIONS = /^(engine|charset|character|collate|auto_increment|comment|row_format|default|strict|without)$/i;

/**
 * The statement rewritten as PostgreSQL, or undefined when it has none of the syntax above. For
 * a statement that parses (`parsed`), only what PostgreSQL parses but has not is rewritten.
 */
export function repairDialects(text: string, at: BlockSourceMap, parsed = false): DialectRepair | undefined {
  const tokens = codeTokens(text);
  if (!tokens) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  const edits = findEdits(tokens, bytes).filter((e) => !parsed || e.parses);
  if (edits.length === 0) return undefined;
  const { repaired, toOriginal } = applyEdits(bytes, edits);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const edit of edits) {
    // What loses something is said at every place; the rest once per statement.
    if (!edit.finding || seen.has(edit.finding.kind) && !edit.finding.loses) continue;
    seen.add(edit.finding.kind);
    diagnostics.push({ code: 'SD104', severity: edit.finding.loses ? 'warning' : 'info', span: at.span(edit.start, edit.end), message: edit.finding.message, fix: edit.finding.fix, cause: edit.finding.kind });
  }
  return { text: repaired, at: EditedSourceMap.edited(at, repaired, toOriginal), diagnostics };
}

export interface CellRepair {
  /** The cell as PostgreSQL: a type (with a CHECK for UNSIGNED), or a default expression. */
  sql: string;
  /** What was another dialect's, and what it became. */
  findings: { kind: string; message: string; fix: string; loses?: boolean }[];
}

/** Cells worth a scan: integer display widths, UNSIGNED, (MAX), calls with no arguments, foreign type words. */
const DIALECT_CELL = /\b(tinyint|smallint|mediumint|int|integer|bigint|bit)\s*\(|\b(unsigned|zerofill)\b|\(\s*max\s*\)|\w\s*\(\s*\)/i;

/**
 * A cell of a table of columns in another dialect's words (`tinyint(4)`, `bigint(20) unsigned`,
 * `current_timestamp()`), as the column of a CREATE TABLE would be read; undefined when it is
 * PostgreSQL already or becomes more than one column (an ENUM's type of its own, a trigger).
 */
export function repairCell(column: string, cell: string, as: 'type' | 'default'): CellRepair | undefined {
  if (!DIALECT_CELL.test(cell) && !namesForeignTypes(cell)) return undefined;
  const head = `CREATE TABLE t (${ident(column)} ${as === 'default' ? 'text DEFAULT ' : ''}`;
  const text = `${head}${cell})`;
  const tokens = codeTokens(text);
  if (!tokens) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  const edits = findEdits(tokens, bytes).filter((e) => e.start >= Buffer.byteLength(head));
  if (edits.length === 0) return undefined;
  const { repaired } = applyEdits(bytes, edits);
  if (!repaired.startsWith(head) || !repaired.endsWith(')') || repaired.includes(';')) return undefined;
  return { sql: repaired.slice(head.length, -1).trim(), findings: edits.flatMap((e) => (e.finding ? [e.finding] : [])) };
}

/** The text with the edits made, and where each offset of the copy was in the original. */
function applyEdits(bytes: Buffer, edits: Edit[]): { repaired: string; toOriginal: (offset: number) => number } {
  edits.sort((a, b) => a.start - b.start);
  const parts: Buffer[] = [];
  // [offset in the copy, offset in the original] at the start of each edit and after it.
  const anchors: [number, number][] = [[0, 0]];
  let from = 0;
  let length = 0;
  for (const edit of edits) {
    if (edit.start < from) continue;
    parts.push(bytes.subarray(from, edit.start));
    length += edit.start - from;
    anchors.push([length, edit.start]);
    const replacement = Buffer.from(edit.replacement, 'utf8');
    parts.push(replacement);
    length += replacement.length;
    anchors.push([length, edit.end]);
    from = edit.end;
  }
  parts.push(bytes.subarray(from));
  const toOriginal = (offset: number): number => {
    let anchor = anchors[0]!;
    for (const a of anchors) if (a[0] <= offset) anchor = a;
    return anchor[1] + (offset - anchor[0]);
  };
  return { repaired: Buffer.concat(parts).toString('utf8'), toOriginal };
}

/** Where a SQL Server `[name]` can stand: after these a `[` is not an array subscript or type. */
const BEFORE_NAME = /^(\(|,|\.|table|on|references|into|from|join|index|view|update|exists|create|constraint|column)$/i;

function findEdits(tokens: ScanToken[], bytes: Buffer): Edit[] {
  const edits: Edit[] = [];
  const lower = (i: number) => tokens[i]?.text.toLowerCase() ?? '';
  /** `(MAX)` after token i. */
  const max = (i: number) => tokens[i + 1]?.text === '(' && lower(i + 2) === 'max' && tokens[i + 3]?.text === ')';
  const said = (syntax: string, dialect: string, postgres: string, kind = syntax.toLowerCase()) => ({
    kind, fix: postgres,
    message: `${syntax} is ${dialect} syntax, which PostgreSQL rejects; in PostgreSQL it is ${postgres}. schemadoc reads it so`,
  });
  const createTable = lower(0) === 'create' && tokens.slice(1, 4).some((t) => /^table$/i.test(t.text));
  let depth = 0;
  let closedTable = false;
  /** Where the CREATE TABLE element (column or constraint) being read starts. */
  let element = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = lower(i);
    if (t.text === '(') depth++;
    if (t.text === ')' && --depth === 0) closedTable = createTable;
    if (t.text === '(' && depth === 1 || t.text === ',' && depth === 1) element = i + 1;
    if (word === 'on' && tokens[i - 1]?.text === ')' && tokens[i + 1]?.text === '[' && tokens[i + 3]?.text === ']' && depth === 0 || word === 'textimage_on') {
      // ON [PRIMARY]: the SQL Server filegroup a table or index is stored in.
      const end = word === 'on' ? i + 3 : tokens[i + 1]?.text === '[' ? i + 3 : i + 1;
      edits.push({ start: t.start, end: tokens[end]!.end, replacement: '', finding: said('ON [PRIMARY]', 'SQL Server', 'nothing: PostgreSQL places tables in tablespaces, and the default needs no clause', 'filegroup') });
      i = end;
    } else if ((word === 'clustered' || word === 'nonclustered') && /^(key|unique|create)$/i.test(tokens[i - 1]?.text ?? '')) {
      edits.push({ start: t.start, end: t.end, replacement: '', finding: said(t.text.toUpperCase(), 'SQL Server', 'nothing: PostgreSQL tables are heaps, and CLUSTER orders one once', 'clustered') });
    } else if ((word === 'asc' || word === 'desc') && inKeyColumns(tokens, i)) {
      edits.push({ start: t.start, end: t.end, replacement: '', finding: said(`${t.text.toUpperCase()} in a key's columns`, 'SQL Server', "nothing: a constraint's columns have no order (an index's may)", 'key order') });
    } else if (word === 'with' && tokens[i + 1]?.text === '(' && SQL_SERVER_INDEX_OPTIONS.test(lower(i + 2))) {
      const close = tokens.findIndex((x, j) => j > i && x.text === ')');
      if (close < 0) continue;
      edits.push({ start: t.start, end: tokens[close]!.end, replacement: '', finding: said('WITH (PAD_INDEX = …)', 'SQL Server', 'nothing: these index options do not exist in PostgreSQL', 'index options') });
      i = close;
    } else if (createTable && depth === 1 && (word === 'enum' || word === 'set') && tokens[i + 1]?.text === '(' && tokens[i + 2]?.tokenName === 'SCONST') {
      // MySQL's inline ENUM('a','b') is an enum type of its own; SET('a','b') an array of those values.
      const close = tokens.findIndex((x, j) => j > i && x.text === ')');
      const values = tokens.slice(i + 2, close).filter((x) => x.text !== ',');
      const column = nameAt(tokens, bytes, element);
      const table = tableName(tokens, bytes);
      if (close < 0 || !column || !table || values.some((v) => v.tokenName !== 'SCONST')) continue;
      const list = values.map((v) => v.text).join(', ');
      const written = `${word.toUpperCase()}(${values.map((v) => v.text).join(',')})`;
      if (word === 'enum') {
        const type = `${table.schema ? `${ident(table.schema)}.` : ''}${ident(`${table.name}_${column.name}`)}`;
        const create = `CREATE TYPE ${type} AS ENUM (${list})`;
        edits.push({ start: tokens[0]!.start, end: tokens[0]!.start, replacement: `${create}; ` });
        edits.push({ start: t.start, end: tokens[close]!.end, replacement: type, finding: said(written, 'MySQL', `an enum type of its own: ${create}`, 'enum') });
      } else {
        const check = `text[] CHECK (${ident(column.name)} <@ ARRAY[${list}]::text[])`;
        edits.push({ start: t.start, end: tokens[close]!.end, replacement: check, finding: said(written, 'MySQL', `an array of those values: ${check}`, 'set') });
      }
      i = close;
    } else if (t.text === '`' || (t.text === '[' && (i === 0 || BEFORE_NAME.test(tokens[i - 1]!.text) || tokens[i - 1]!.text === ']'))) {
      // `name` (MySQL) and [name] (SQL Server): a quoted name, the quote PostgreSQL's own.
      const closing = t.text === '`' ? '`' : ']';
      const close = tokens.findIndex((x, j) => j > i && x.text === closing);
      if (close < 0 || close === i + 1) continue;
      const name = bytes.subarray(t.end, tokens[close]!.start).toString('utf8');
      if (t.text === '[' && !/^[\p{L}_][\p{L}\p{N}_ $#@]*$/u.test(name)) continue;
      const dialect = t.text === '`' ? 'MySQL' : 'SQL Server';
      if (t.text === '[' && name.toLowerCase() === 'dbo' && tokens[close + 1]?.text === '.') {
        // SQL Server's default schema is PostgreSQL's public: the prefix goes.
        edits.push({ start: t.start, end: tokens[close + 1]!.end, replacement: '', finding: said('[dbo].', dialect, 'no prefix (public is the default schema)') });
        i = close + 1;
        continue;
      }
      // SQL Server's names are case-insensitive: [Users] is users. MySQL's table names are not.
      const plain = t.text === '[' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name.toLowerCase() : name;
      // [datetime] after a column's [name]: a type, which may be one PostgreSQL spells otherwise.
      const isType = tokens[i - 1]?.text === ']';
      const unlimited = isType && max(close) ? UNLIMITED[plain.toLowerCase()] : undefined;
      const type = unlimited ?? (isType ? TYPES[plain.toLowerCase()]?.[0] : undefined);
      const quoted = type ?? (/^[a-z_][a-z0-9_]*$/.test(plain) ? plain : `"${plain.replace(/"/g, '""')}"`);
      const end = unlimited ? close + 3 : close;
      edits.push({ start: t.start, end: tokens[end]!.end, replacement: quoted, finding: said(unlimited ? `${plain.toUpperCase()}(MAX)` : `${t.text}${name}${closing}`, dialect, quoted, unlimited ? 'max' : t.text) });
      i = end;
    } else if (word === 'current_timestamp' && tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')') {
      edits.push({ start: t.start, end: tokens[i + 2]!.end, replacement: 'CURRENT_TIMESTAMP', finding: said('CURRENT_TIMESTAMP()', 'MySQL', 'CURRENT_TIMESTAMP (without parentheses) or now()') });
      i += 2;
    } else if (/^(table|references)$/i.test(tokens[i - 1]?.text ?? '') && isReservedWord(word) && tokens[i + 1]?.text === '(') {
      edits.push({ start: t.start, end: t.end, replacement: `"${word}"`, finding: said(`${tokens[i - 1]!.text.toUpperCase()} ${word}`, 'MySQL or SQLite', `${tokens[i - 1]!.text.toUpperCase()} "${word}" (${word} is a reserved word in PostgreSQL)`) });
    } else if (word === 'auto_increment' && depth > 0) {
      edits.push({ start: t.start, end: t.end, replacement: 'GENERATED BY DEFAULT AS IDENTITY', finding: said('AUTO_INCREMENT', 'MySQL', 'GENERATED BY DEFAULT AS IDENTITY') });
    } else if (word === 'autoincrement' && depth > 0) {
      edits.push({ start: t.start, end: t.end, replacement: 'GENERATED BY DEFAULT AS IDENTITY', finding: said('AUTOINCREMENT', 'SQLite', 'GENERATED BY DEFAULT AS IDENTITY') });
    } else if (word === 'identity' && tokens[i + 1]?.text === '(' && depth > 0) {
      const close = tokens.findIndex((x, j) => j > i && x.text === ')');
      if (close < 0) continue;
      edits.push({ start: t.start, end: tokens[close]!.end, replacement: 'GENERATED BY DEFAULT AS IDENTITY', finding: said('IDENTITY(1,1)', 'SQL Server', 'GENERATED BY DEFAULT AS IDENTITY') });
      i = close;
    } else if (createTable && depth === 1 && /^(integer|int|tinyint)$/.test(word) && nameAt(tokens, bytes, element)?.last === i - 1 && saysBoolean(bytes, t.end)) {
      // `is_admin INTEGER DEFAULT 0 -- Boolean: 0 = false`: SQLite's (and MySQL's) boolean.
      const end = tokens[i + 1]?.text === '(' && tokens[i + 3]?.text === ')' ? i + 3 : i;
      edits.push({
        start: t.start, end: tokens[end]!.end, replacement: 'boolean', parses: true,
        finding: { kind: 'boolean', fix: 'boolean', message: `${t.text.toUpperCase()} holding 0 and 1 (the comment says it is a boolean) is how SQLite and MySQL store a boolean; in PostgreSQL it is boolean, with false and true. schemadoc reads it so` },
      });
      edits.push(...zeroOneAsBoolean(tokens, end + 1));
      i = end;
    } else if ((INTEGER_TYPES.test(word) || TYPES[word]) && depth > 0 && tokens[i + 1]?.text === '(' && tokens[i + 2]?.tokenName === 'ICONST' && tokens[i + 3]?.text === ')' && (INTEGER_TYPES.test(word) || word === 'bit')) {
      // INT(11): a display width, which PostgreSQL's integers do not have.
      const type = TYPES[word]?.[0] ?? word;
      const parses = Boolean(TYPES[word]) && !POSTGRES_TYPES.has(word);
      edits.push({ start: t.start, end: tokens[i + 3]!.end, replacement: type, parses, finding: said(`${word.toUpperCase()}(${tokens[i + 2]!.text})`, 'MySQL', type, 'display width') });
      i += 3;
    } else if (word === 'text' && depth > 0 && tokens[i + 1]?.text === '(' && tokens[i + 2]?.tokenName === 'ICONST' && tokens[i + 3]?.text === ')') {
      // Neither MySQL nor SQLite holds a TEXT to its length: text, with the limit a CHECK could add.
      const column = createTable && depth === 1 ? nameAt(tokens, bytes, element)?.name : undefined;
      const limit = `CHECK (char_length(${column ? ident(column) : 'column'}) <= ${tokens[i + 2]!.text})`;
      edits.push({ start: t.start, end: tokens[i + 3]!.end, replacement: 'text', parses: true, finding: { ...said(`TEXT(${tokens[i + 2]!.text})`, 'MySQL or SQLite', `text (${limit} to hold it to that length)`, 'text length'), loses: true } });
      i += 3;
    } else if (UNLIMITED[word] && depth > 0 && max(i)) {
      edits.push({ start: t.start, end: tokens[i + 3]!.end, replacement: UNLIMITED[word]!, finding: said(`${word.toUpperCase()}(MAX)`, 'SQL Server', UNLIMITED[word]!, 'max') });
      i += 3;
    } else if (TYPES[word] && isTypePosition(tokens, bytes, i, createTable && depth === 1 ? element : undefined)) {
      const [type, dialect] = TYPES[word]!;
      edits.push({ start: t.start, end: t.end, replacement: type, parses: !POSTGRES_TYPES.has(word), finding: said(t.text.toUpperCase(), dialect, type) });
    } else if (word === 'zerofill' && depth > 0) {
      edits.push({ start: t.start, end: t.end, replacement: '', finding: said('ZEROFILL', 'MySQL', 'nothing: leading zeros are a matter of display (to_char)') });
    } else if (word === 'unsigned' && depth > 0) {
      // A key numbered from 1 needs no check.
      const column = createTable && depth === 1 && !elementHas(tokens, i, /^(auto_increment|autoincrement|identity)$/i) ? nameAt(tokens, bytes, element) : undefined;
      const check = column ? `CHECK (${ident(column.name)} >= 0)` : '';
      edits.push({ start: t.start, end: t.end, replacement: check, finding: said('UNSIGNED', 'MySQL', check || 'nothing (an identity is numbered from 1)') });
    } else if (word === 'on' && lower(i + 1) === 'update' && /^(current_timestamp|now)$/.test(lower(i + 2)) && depth > 0) {
      let end = i + 2;
      if (tokens[end + 1]?.text === '(' && tokens[end + 2]?.text === ')') end += 2;
      const column = createTable && depth === 1 ? nameAt(tokens, bytes, element) : undefined;
      const table = tableName(tokens, bytes);
      const trigger = column && table ? onUpdateTrigger(table, column.name) : undefined;
      const last = tokens[tokens.length - 1]!;
      if (trigger) edits.push({ start: last.end, end: last.end, replacement: `${last.text === ';' ? '' : ';'} ${trigger}` });
      const finding = said('ON UPDATE CURRENT_TIMESTAMP', 'MySQL', 'a BEFORE UPDATE trigger that sets the column when a row changes');
      edits.push({ start: t.start, end: tokens[end]!.end, replacement: '', finding: { ...finding, fix: trigger ?? finding.fix } });
      i = end;
    } else if (FUNCTIONS[word] && tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')' && (word !== 'uuid' || depth > 0)) {
      const [call, dialect] = FUNCTIONS[word]!;
      edits.push({ start: t.start, end: tokens[i + 2]!.end, replacement: call, finding: said(`${t.text.toUpperCase()}()`, dialect, call) });
      i += 2;
    } else if (depth > 0 && (word === 'comment') && tokens[i + 1]?.tokenName === 'SCONST') {
      // A column's COMMENT 'text' (COMMENT ON COLUMN in PostgreSQL).
      edits.push({ start: t.start, end: tokens[i + 1]!.end, replacement: '', finding: { ...said("COMMENT '…' on a column", 'MySQL', "COMMENT ON COLUMN table.column IS '…'"), loses: true } });
      i += 1;
    } else if (depth > 0 && (word === 'character' && lower(i + 1) === 'set' || word === 'charset')) {
      const end = word === 'charset' ? i + 1 : i + 2;
      edits.push({ start: t.start, end: tokens[end]?.end ?? t.end, replacement: '', finding: said('CHARACTER SET on a column', 'MySQL', 'nothing: a PostgreSQL database has one encoding') });
      i = end;
    } else if (depth > 0 && word === 'collate' && /^(utf8|latin1|ascii|binary)/.test(lower(i + 1))) {
      edits.push({ start: t.start, end: tokens[i + 1]!.end, replacement: '', parses: true });
      i += 1;
    } else if (depth > 0 && word === 'collate' && /^sql_/.test(lower(i + 1))) {
      edits.push({ start: t.start, end: tokens[i + 1]!.end, replacement: '', finding: { ...said(`COLLATE ${tokens[i + 1]!.text}`, 'SQL Server', 'the database\'s collation (where comparisons must ignore case: citext, or a nondeterministic ICU collation)', 'collate'), loses: /_ci_/i.test(tokens[i + 1]!.text) } });
      i += 1;
    } else if (depth === 0 && closedTable && TABLE_OPTIONS.test(word)) {
      // ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 … up to the end of the statement.
      const last = tokens.findIndex((x, j) => j > i && x.text === ';');
      const end = last < 0 ? tokens.length - 1 : last - 1;
      const sqlite = /^(strict|without)$/.test(word);
      const finding = sqlite
        ? said(word === 'strict' ? 'STRICT' : 'WITHOUT ROWID', 'SQLite', 'nothing: PostgreSQL checks every column\'s type, and a table has no rowid to leave out', 'table options')
        : said('ENGINE=… and other table options', 'MySQL', 'nothing: PostgreSQL tables have no engine or charset', 'table options');
      edits.push({ start: t.start, end: tokens[end]!.end, replacement: '', finding });
      i = end;
    }
  }
  return edits;
}

/** The name a token stands for in PostgreSQL (`Name` and "Name" keep their case, [Name] and Name do not), and where it ends. */
function nameAt(tokens: ScanToken[], bytes: Buffer, i: number): { name: string; last: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.text === '`' || t.text === '[') {
    const close = tokens.findIndex((x, j) => j > i && x.text === (t.text === '`' ? '`' : ']'));
    if (close < 0) return undefined;
    const name = bytes.subarray(t.end, tokens[close]!.start).toString('utf8');
    return { name: t.text === '[' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name.toLowerCase() : name, last: close };
  }
  if (t.text.startsWith('"')) return { name: t.text.slice(1, -1).replace(/""/g, '"'), last: i };
  return /^[\p{L}_]/u.test(t.text) ? { name: t.text.toLowerCase(), last: i } : undefined;
}

/** CREATE TABLE [IF NOT EXISTS] [schema.]name: the table's name. */
function tableName(tokens: ScanToken[], bytes: Buffer): { schema?: string; name: string } | undefined {
  let i = tokens.findIndex((t) => /^table$/i.test(t.text)) + 1;
  if (i === 0) return undefined;
  if (/^if$/i.test(tokens[i]?.text ?? '')) i += 3;
  const first = nameAt(tokens, bytes, i);
  if (!first) return undefined;
  if (tokens[first.last + 1]?.text !== '.') return { name: first.name };
  const second = nameAt(tokens, bytes, first.last + 2);
  return second ? { schema: first.name, name: second.name } : undefined;
}

/** Whether the CREATE TABLE element around token i has a token matching the pattern. */
function elementHas(tokens: ScanToken[], i: number, pattern: RegExp): boolean {
  for (const step of [-1, 1]) {
    let depth = 0;
    for (let j = i; j >= 0 && j < tokens.length; j += step) {
      const text = tokens[j]!.text;
      if (text === '(') depth += step;
      else if (text === ')') depth -= step;
      if (depth < 0 || (depth === 0 && text === ',' && j !== i)) break;
      if (pattern.test(text)) return true;
    }
  }
  return false;
}

/** ASC/DESC inside `PRIMARY KEY [CLUSTERED] (…)` or `UNIQUE [NONCLUSTERED] (…)`. */
function inKeyColumns(tokens: ScanToken[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && tokens[j]!.text !== '(' && tokens[j]!.text !== ')') j--;
  if (j < 0 || tokens[j]!.text !== '(') return false;
  let k = j - 1;
  if (/^(clustered|nonclustered)$/i.test(tokens[k]?.text ?? '')) k--;
  return /^key$/i.test(tokens[k]?.text ?? '') && /^primary$/i.test(tokens[k - 1]?.text ?? '') || /^unique$/i.test(tokens[k]?.text ?? '');
}

/** MySQL's ON UPDATE CURRENT_TIMESTAMP as PostgreSQL does it: a trigger that sets the column when a row changes and the update does not set it. */
function onUpdateTrigger(table: { schema?: string; name: string }, column: string): string {
  const prefix = table.schema ? `${ident(table.schema)}.` : '';
  const fn = `${prefix}${ident(`${table.name}_${column}_on_update`)}`;
  const col = ident(column);
  return `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW IS DISTINCT FROM OLD AND NEW.${col} IS NOT DISTINCT FROM OLD.${col} THEN NEW.${col} := CURRENT_TIMESTAMP; END IF; RETURN NEW; END $$; `
    + `CREATE TRIGGER ${ident(`${table.name}_${column}_on_update`)} BEFORE UPDATE ON ${prefix}${ident(table.name)} FOR EACH ROW EXECUTE FUNCTION ${fn}();`;
}

/** A comment after a column, on its line, that says it is a boolean (`-- Boolean: 0 = false, 1 = true`). */
function saysBoolean(bytes: Buffer, from: number): boolean {
  const eol = bytes.indexOf(10, from);
  const rest = bytes.subarray(from, eol < 0 ? bytes.length : eol).toString('utf8');
  return /--.*\b(bool(ean)?|0\s*=\s*false|true\s*\/\s*false)\b/i.test(rest);
}

/** In the column's element from token i: DEFAULT 0/1 as false/true, and CHECK (c IN (0, 1)) gone. */
function zeroOneAsBoolean(tokens: ScanToken[], i: number): Edit[] {
  const edits: Edit[] = [];
  for (let depth = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth < 0) break;
    else if (t.text === ',' && depth === 0) break;
    const word = t.text.toLowerCase();
    if (depth === 0 && word === 'default' && /^[01]$/.test(tokens[i + 1]?.text ?? '')) {
      edits.push({ start: tokens[i + 1]!.start, end: tokens[i + 1]!.end, replacement: tokens[i + 1]!.text === '1' ? 'true' : 'false', parses: true });
    } else if (depth === 0 && word === 'check' && tokens.slice(i + 1, i + 10).map((x) => x.text.toLowerCase()).join(' ').match(/^\( \S+ in \( [01] , [01] \) \)/)) {
      edits.push({ start: t.start, end: tokens[i + 9]!.end, replacement: '', parses: true });
      i += 9;
    }
  }
  return edits;
}

/**
 * Where a word is a type: after `::` or `TYPE`, after the name that starts a CREATE TABLE
 * element (`element`), or after ADD [COLUMN] name; not where a table is named (`REFERENCES image`).
 */
function isTypePosition(tokens: ScanToken[], bytes: Buffer, i: number, element: number | undefined): boolean {
  const before = tokens[i - 1]?.text.toLowerCase();
  if (before === '::' || before === 'type') return true;
  if (element !== undefined && nameAt(tokens, bytes, element)?.last === i - 1) return true;
  let added = i - 1;
  while (added >= 0 && !/^add$/i.test(tokens[added]!.text)) added--;
  if (added < 0) return false;
  const name = nameAt(tokens, bytes, /^column$/i.test(tokens[added + 1]?.text ?? '') ? added + 2 : added + 1);
  return name?.last === i - 1;
}
