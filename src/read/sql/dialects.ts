// MySQL, SQL Server and SQLite syntax in a PostgreSQL document: backticks, AUTO_INCREMENT,
// INT(11), UNSIGNED, ON UPDATE CURRENT_TIMESTAMP, ENGINE=InnoDB, IDENTITY(1,1), NVARCHAR,
// GETDATE() … A statement PostgreSQL rejects is rewritten token by token into the PostgreSQL
// it means, and each rewrite is reported with that PostgreSQL as the fix.
import { codeTokens, type ScanToken } from './parser.js';
import type { Diagnostic } from '../../schema/diagnostic.js';
import { isReservedWord } from '../../schema/names.js';
import { EditedSourceMap, type BlockSourceMap } from '../source-map.js';

interface Edit {
  start: number;
  end: number;
  replacement: string;
  /** Reported once per statement and kind. */
  finding?: { kind: string; message: string; fix: string };
}

export interface DialectRepair {
  text: string;
  at: BlockSourceMap;
  diagnostics: Diagnostic[];
}

const INTEGER_TYPES = /^(tinyint|smallint|mediumint|int|integer|bigint)$/i;

const TYPES: Record<string, [string, string]> = {
  tinyint: ['smallint', 'MySQL'], mediumint: ['integer', 'MySQL'], datetime: ['timestamp', 'MySQL'], datetime2: ['timestamp', 'SQL Server'],
  longtext: ['text', 'MySQL'], mediumtext: ['text', 'MySQL'], tinytext: ['text', 'MySQL'], longblob: ['bytea', 'MySQL'],
  mediumblob: ['bytea', 'MySQL'], blob: ['bytea', 'MySQL'], tinyblob: ['bytea', 'MySQL'], nvarchar: ['varchar', 'SQL Server'],
  nchar: ['char', 'SQL Server'], ntext: ['text', 'SQL Server'], uniqueidentifier: ['uuid', 'SQL Server'], bit: ['boolean', 'SQL Server'],
};

const FUNCTIONS: Record<string, [string, string]> = {
  getdate: ['now()', 'SQL Server'], newid: ['gen_random_uuid()', 'SQL Server'], sysdatetime: ['now()', 'SQL Server'], uuid: ['gen_random_uuid()', 'MySQL'],
};

/** Table options after CREATE TABLE's closing parenthesis. */
const TABLE_OPTIONS = /^(engine|charset|character|collate|auto_increment|comment|row_format|default|strict|without)$/i;

/** The statement rewritten as PostgreSQL, or undefined when it has none of the syntax above. */
export function repairDialects(text: string, at: BlockSourceMap): DialectRepair | undefined {
  const tokens = codeTokens(text);
  if (!tokens) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  const edits = findEdits(tokens, bytes);
  if (edits.length === 0) return undefined;
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
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const edit of edits) {
    if (!edit.finding || seen.has(edit.finding.kind)) continue;
    seen.add(edit.finding.kind);
    diagnostics.push({ code: 'SD104', severity: 'warning', span: at.span(edit.start, edit.end), message: edit.finding.message, fix: edit.finding.fix, cause: edit.finding.kind });
  }
  const repaired = Buffer.concat(parts).toString('utf8');
  return { text: repaired, at: EditedSourceMap.edited(at, repaired, toOriginal), diagnostics };
}

/** Where a SQL Server `[name]` can stand: after these a `[` is not an array subscript or type. */
const BEFORE_NAME = /^(\(|,|\.|table|on|references|into|from|join|index|view|update|exists|create)$/i;

function findEdits(tokens: ScanToken[], bytes: Buffer): Edit[] {
  const edits: Edit[] = [];
  const lower = (i: number) => tokens[i]?.text.toLowerCase() ?? '';
  const said = (syntax: string, dialect: string, postgres: string, kind = syntax.toLowerCase()) => ({
    kind, fix: postgres,
    message: `${syntax} is ${dialect} syntax, which PostgreSQL rejects; in PostgreSQL it is ${postgres}. schemadoc reads it so`,
  });
  const createTable = lower(0) === 'create' && tokens.slice(1, 4).some((t) => /^table$/i.test(t.text));
  let depth = 0;
  let closedTable = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = lower(i);
    if (t.text === '(') depth++;
    if (t.text === ')' && --depth === 0) closedTable = createTable;
    if (t.text === '`' || (t.text === '[' && (i === 0 || BEFORE_NAME.test(tokens[i - 1]!.text)))) {
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
      const quoted = /^[a-z_][a-z0-9_]*$/.test(plain) ? plain : `"${plain.replace(/"/g, '""')}"`;
      edits.push({ start: t.start, end: tokens[close]!.end, replacement: quoted, finding: said(`${t.text}${name}${closing}`, dialect, quoted, t.text) });
      i = close;
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
    } else if ((INTEGER_TYPES.test(word) || TYPES[word]) && depth > 0 && tokens[i + 1]?.text === '(' && tokens[i + 2]?.tokenName === 'ICONST' && tokens[i + 3]?.text === ')' && (INTEGER_TYPES.test(word) || word === 'bit')) {
      // INT(11): a display width, which PostgreSQL's integers do not have.
      const type = TYPES[word]?.[0] ?? word;
      edits.push({ start: t.start, end: tokens[i + 3]!.end, replacement: type, finding: said(`${word.toUpperCase()}(${tokens[i + 2]!.text})`, 'MySQL', type) });
      i += 3;
    } else if (word === 'text' && depth > 0 && tokens[i + 1]?.text === '(' && tokens[i + 2]?.tokenName === 'ICONST' && tokens[i + 3]?.text === ')') {
      edits.push({ start: t.start, end: tokens[i + 3]!.end, replacement: 'text', finding: said(`TEXT(${tokens[i + 2]!.text})`, 'MySQL or SQLite', 'text, with CHECK (char_length(column) <= n) for a limit') });
      i += 3;
    } else if (TYPES[word] && depth > 0 && isTypePosition(tokens, i)) {
      const [type, dialect] = TYPES[word]!;
      const max = tokens[i + 1]?.text === '(' && lower(i + 2) === 'max' && tokens[i + 3]?.text === ')';
      edits.push({ start: t.start, end: max ? tokens[i + 3]!.end : t.end, replacement: max ? 'text' : type, finding: said(t.text.toUpperCase(), dialect, max ? 'text' : type) });
      if (max) i += 3;
    } else if ((word === 'unsigned' || word === 'zerofill') && depth > 0) {
      edits.push({ start: t.start, end: t.end, replacement: '', finding: said(t.text.toUpperCase(), 'MySQL', 'a CHECK (column >= 0) where negative values must be refused') });
    } else if (word === 'on' && lower(i + 1) === 'update' && /^(current_timestamp|now)$/.test(lower(i + 2)) && depth > 0) {
      let end = i + 2;
      if (tokens[end + 1]?.text === '(' && tokens[end + 2]?.text === ')') end += 2;
      edits.push({ start: t.start, end: tokens[end]!.end, replacement: '', finding: said('ON UPDATE CURRENT_TIMESTAMP', 'MySQL', 'a BEFORE UPDATE trigger that sets the column to now()') });
      i = end;
    } else if (FUNCTIONS[word] && tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')' && (word !== 'uuid' || depth > 0)) {
      const [call, dialect] = FUNCTIONS[word]!;
      edits.push({ start: t.start, end: tokens[i + 2]!.end, replacement: call, finding: said(`${t.text.toUpperCase()}()`, dialect, call) });
      i += 2;
    } else if (depth > 0 && (word === 'comment') && tokens[i + 1]?.tokenName === 'SCONST') {
      // A column's COMMENT 'text' (COMMENT ON COLUMN in PostgreSQL).
      edits.push({ start: t.start, end: tokens[i + 1]!.end, replacement: '', finding: said("COMMENT '…' on a column", 'MySQL', "COMMENT ON COLUMN table.column IS '…'") });
      i += 1;
    } else if (depth > 0 && (word === 'character' && lower(i + 1) === 'set' || word === 'charset')) {
      const end = word === 'charset' ? i + 1 : i + 2;
      edits.push({ start: t.start, end: tokens[end]?.end ?? t.end, replacement: '', finding: said('CHARACTER SET on a column', 'MySQL', 'nothing: a PostgreSQL database has one encoding') });
      i = end;
    } else if (depth > 0 && word === 'collate' && /^(utf8|latin1|ascii|binary)/.test(lower(i + 1))) {
      edits.push({ start: t.start, end: tokens[i + 1]!.end, replacement: '' });
      i += 1;
    } else if (depth === 0 && closedTable && TABLE_OPTIONS.test(word)) {
      // ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 … up to the end of the statement.
      const last = tokens.findIndex((x, j) => j > i && x.text === ';');
      const end = last < 0 ? tokens.length - 1 : last - 1;
      edits.push({ start: t.start, end: tokens[end]!.end, replacement: '', finding: said('ENGINE=… and other table options', 'MySQL', 'nothing: PostgreSQL tables have no engine or charset') });
      i = end;
    }
  }
  return edits;
}

/** After a column name (an identifier followed by the type) or inside a CAST. */
function isTypePosition(tokens: ScanToken[], i: number): boolean {
  const before = tokens[i - 1];
  return Boolean(before && before.text !== '(' && before.text !== ',' && before.text !== '.');
}
