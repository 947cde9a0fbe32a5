// SQL-like text that PostgreSQL rejects but whose meaning is plain: `POLICY "name" FOR
// SELECT USING (…)` under a table's heading, a bare condition (`auth.uid() = user_id`) shown
// as a pattern, a call written with its parameter types (`SELECT f(id UUID)`). Each is read
// for what it means and reported as not being SQL as written.
import { codeTokens } from './parser.js';
import type { Diagnostic } from '../../schema/diagnostic.js';
import { tableNameFromTitle, tableOf } from '../../schema/names.js';
import { ident, qualified } from '../../pg/quote.js';
import type { Fragment } from '../fragment.js';
import type { BlockSourceMap } from '../source-map.js';
import { collectReferences, parseOne } from './ast.js';
import { readIndex, readPolicy } from './objects.js';

export interface PseudoReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
  /** The text with what was read here blanked out (same byte offsets), to be parsed again. */
  repaired?: string;
}

/** Reads a piece of a SQL block that does not parse; undefined when it is none of the above. */
export function readPseudoSql(text: string, at: BlockSourceMap, headingPath: string[]): PseudoReading | undefined {
  return readPseudoPolicies(text, at, headingPath) ?? readBareExpression(text, at) ?? readSignatureCall(text, at)
    ?? readNamedParameters(text, at) ?? readInlineIndexes(text, at) ?? readSqliteOnly(text, at);
}

/**
 * SQLite's `PRAGMA …` and `CREATE VIRTUAL TABLE … USING fts5(…)`: no PostgreSQL statement
 * means the same, so they are left out, each with what PostgreSQL does instead.
 */
function readSqliteOnly(text: string, at: BlockSourceMap): PseudoReading | undefined {
  const tokens = codeTokens(text);
  const first = tokens?.[0];
  if (!first) return undefined;
  const span = at.span(first.start, tokens.at(-1)!.end);
  if (/^pragma$/i.test(first.text)) {
    return { fragments: [], diagnostics: [{
      code: 'SD104', severity: 'warning', span, cause: 'PRAGMA',
      message: 'PRAGMA is SQLite syntax, which PostgreSQL rejects; schemadoc leaves it out (PostgreSQL always enforces foreign keys, and has its settings in SET)',
    }] };
  }
  if (/^create$/i.test(first.text) && /^virtual$/i.test(tokens[1]?.text ?? '') && /^table$/i.test(tokens[2]?.text ?? '')) {
    const module = tokens.findIndex((t) => /^using$/i.test(t.text));
    return { fragments: [], diagnostics: [{
      code: 'SD104', severity: 'warning', span, cause: 'CREATE VIRTUAL TABLE',
      message: `CREATE VIRTUAL TABLE${module > 0 ? ` … USING ${tokens[module + 1]?.text ?? ''}` : ''} is SQLite syntax, which PostgreSQL rejects; schemadoc leaves it out`,
      fix: 'for full-text search, a tsvector column (GENERATED ALWAYS AS (to_tsvector(…)) STORED) with a GIN index',
    }] };
  }
  return undefined;
}


function readPseudoPolicies(text: string, at: BlockSourceMap, headingPath: string[]): PseudoReading | undefined {
  const tokens = codeTokens(text);
  if (!tokens?.length || !/^policy$/i.test(tokens[0]!.text)) return undefined;
  const heading = headingPath[headingPath.length - 1] ?? '';
  const table = tableNameFromTitle(heading);
  if (!table) return undefined;
  const tableName = tableOf(table);
  const bytes = Buffer.from(text, 'utf8');
  const reading: PseudoReading = { fragments: [], diagnostics: [] };
  const starts = tokens.map((t, i) => (/^policy$/i.test(t.text) && (i === 0 || tokens[i - 1]!.text === ')' || /^(true|false)$/i.test(tokens[i - 1]!.text)) ? i : -1)).filter((i) => i >= 0);
  for (let n = 0; n < starts.length; n++) {
    const first = starts[n]!;
    const last = (starts[n + 1] ?? tokens.length) - 1;
    const nameToken = tokens[first + 1];
    if (!nameToken) continue;
    const rest = bytes.subarray(nameToken.end, tokens[last]!.end).toString('utf8').trim();
    const hasOn = /^on\b/i.test(rest);
    const sql = `CREATE POLICY ${nameToken.text} ${hasOn ? '' : `ON ${qualified(tableName)} `}${rest}`;
    const span = at.span(tokens[first]!.start, tokens[last]!.end);
    const parsed = parseOne(sql);
    if ('error' in parsed || parsed.kind !== 'CreatePolicyStmt') {
      reading.diagnostics.push({ code: 'SD101', severity: 'error', span, message: `SQL does not parse: ${'error' in parsed ? parsed.error : 'not a policy'}` });
      continue;
    }
    const policy = readPolicy(parsed.node, span, collectReferences(parsed.node));
    reading.fragments.push({ kind: 'policy', policy });
    reading.diagnostics.push({
      code: 'SD105', severity: 'warning', span, cause: 'POLICY',
      message: `POLICY … is not SQL as written (PostgreSQL needs CREATE POLICY … ON a table); read as a policy on ${qualified(tableName)}, the table of the heading above`,
      fix: `${sql};`,
    });
  }
  return reading;
}

/** `auth.uid() = user_id`: a condition shown as a pattern, kept as an example. */
function readBareExpression(text: string, at: BlockSourceMap): PseudoReading | undefined {
  const tokens = codeTokens(text);
  if (!tokens?.length) return undefined;
  const expression = Buffer.from(text, 'utf8').subarray(tokens[0]!.start, tokens[tokens.length - 1]!.end).toString('utf8').replace(/;$/, '').trim();
  const parsed = parseOne(`SELECT ${expression}`);
  if ('error' in parsed || !expression || /^select\b/i.test(expression)) return undefined;
  const span = at.span(tokens[0]!.start);
  return {
    fragments: [{ kind: 'example', example: { sql: expression, statementKind: 'expression', spans: [span] } }],
    diagnostics: [{ code: 'SD106', severity: 'info', span, cause: 'condition', message: 'an SQL condition, not a statement: kept as an example' }],
  };
}

/** `SELECT public.insert_twitter_account(user_id UUID, …)`: a function described by its signature. */
function readSignatureCall(text: string, at: BlockSourceMap): PseudoReading | undefined {
  const tokens = codeTokens(text);
  if (!tokens || !/^select$/i.test(tokens[0]?.text ?? '')) return undefined;
  const m = /^\s*select\s+(?:\*\s+from\s+)?([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)?)\s*\(([\s\S]*)\)\s*;?\s*$/iu
    .exec(Buffer.from(text, 'utf8').subarray(tokens[0]!.start).toString('utf8'));
  if (!m) return undefined;
  const parts = m[1]!.split('.');
  const name = parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! };
  const args = m[2]!.replace(/\s+/g, ' ').trim();
  // Parameter names that are keywords (`limit INTEGER`) are quoted, as PostgreSQL would need.
  const quotedArgs = args.split(',').map((a) => a.trim().replace(/^(\S+)(\s)/, (_, n: string, s: string) => `${ident(n.toLowerCase())}${s}`)).join(', ');
  const parsed = parseOne(`CREATE FUNCTION ${qualified(name)}(${quotedArgs}) RETURNS void LANGUAGE sql AS ''`);
  if ('error' in parsed) return undefined;
  const span = at.span(tokens[0]!.start);
  return {
    fragments: [{ kind: 'declared-function', function: { ...name, signature: `${m[1]}(${args})`, spans: [span] } }],
    // Reported once, by merge, as a function described by its signature only.
    diagnostics: [],
  };
}

/**
 * `WHERE store_id = :store_id` or `WHERE id = ?`: a query with named or positional parameters
 * (as drivers write them) is an example.
 */
function readNamedParameters(text: string, at: BlockSourceMap): PseudoReading | undefined {
  const names: string[] = [];
  const numbered = text
    .replace(/(?<![:\w]):([\p{L}_][\p{L}\p{N}_]*)/gu, (_, name: string) => {
      if (!names.includes(name)) names.push(name);
      return `$${names.indexOf(name) + 1}`;
    })
    // A lone `?` where a value goes (JDBC, SQLite); `?|` and `?&` are jsonb operators.
    .replace(/(?<=[\s=(,<>])\?(?=[\s),;]|$)/g, () => {
      names.push('?');
      return `$${names.length}`;
    });
  if (names.length === 0) return undefined;
  const parsed = parseOne(numbered);
  if ('error' in parsed || !['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt'].includes(parsed.kind)) return undefined;
  const tokens = codeTokens(numbered);
  const start = tokens?.[0]?.start ?? 0;
  const span = at.span(start);
  const sql = Buffer.from(text, 'utf8').subarray(start).toString('utf8').replace(/;\s*$/, '').trim();
  return {
    fragments: [{ kind: 'example', example: { sql, runAs: Buffer.from(numbered, 'utf8').subarray(start).toString('utf8').replace(/;\s*$/, '').trim(), statementKind: parsed.kind, spans: [span] } }],
    diagnostics: [{
      code: 'SD108', severity: 'info', span, cause: 'driver parameters',
      message: `${names.includes('?') ? 'parameters' : 'named parameters'} (${[...new Set(names.map((n) => (n === '?' ? '?' : `:${n}`)))].join(', ')}) are a driver's syntax, not PostgreSQL's ($1, $2 …): kept as an example`,
    }],
  };
}

/**
 * MySQL's `INDEX name (cols) [WHERE …]` and `KEY name (cols)` lines inside CREATE TABLE, which
 * PostgreSQL rejects: each becomes the CREATE INDEX it means, and the table is read without them.
 */
function readInlineIndexes(text: string, at: BlockSourceMap): PseudoReading | undefined {
  const tokens = codeTokens(text);
  if (!tokens || !/^create$/i.test(tokens[0]?.text ?? '') || !tokens.some((t) => /^table$/i.test(t.text))) return undefined;
  // After the types a MySQL ENUM column became (CREATE TYPE … ; CREATE TABLE …).
  const keyword = tokens.findIndex((t) => /^table$/i.test(t.text));
  const open = tokens.findIndex((t, i) => i > keyword && t.text === '(');
  const table = open > 0 ? tokens[open - 1]!.text : undefined;
  if (!table) return undefined;
  // The table's elements: token ranges between commas at depth 1.
  const elements: { first: number; last: number; comma?: number }[] = [];
  let depth = 0;
  let first = open + 1;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (t === '(') depth++;
    else if (t === ')' && --depth === 0) {
      elements.push({ first, last: i - 1 });
      break;
    } else if (t === ',' && depth === 1) {
      elements.push({ first, last: i - 1, comma: i });
      first = i + 1;
    }
  }
  const bytes = Buffer.from(text, 'utf8');
  const reading: PseudoReading = { fragments: [], diagnostics: [] };
  const blank = (from: number, to: number) => bytes.fill(0x20, from, to);
  elements.forEach((e, n) => {
    const words = tokens.slice(e.first, e.last + 1);
    const kind = /^(unique|fulltext)$/i.exec(words[0]?.text ?? '')?.[0].toUpperCase();
    const head = kind ? 1 : 0;
    if (!/^(index|key)$/i.test(words[head]?.text ?? '') || words[head + 1]?.text === '(') return;
    const body = Buffer.from(text, 'utf8').subarray(words[head + 1]!.start, words[words.length - 1]!.end).toString('utf8');
    const sql = kind === 'FULLTEXT' ? fullTextIndex(body, table) : `CREATE ${kind ? 'UNIQUE ' : ''}INDEX ${body.replace(/^(\S+)\s*\(/, `$1 ON ${table} (`)}`;
    if (!sql) return;
    const span = at.span(words[0]!.start);
    const parsed = parseOne(sql);
    if ('error' in parsed || parsed.kind !== 'IndexStmt') return;
    reading.fragments.push({ kind: 'index', index: readIndex(parsed.node, span) });
    reading.diagnostics.push({
      code: 'SD104', severity: 'info', span, cause: 'index inside CREATE TABLE',
      message: `\`${kind ? `${kind} ` : ''}${words[head]!.text.toUpperCase()} ${words[head + 1]!.text} (…)\` inside CREATE TABLE is MySQL syntax, which PostgreSQL rejects; schemadoc reads it as the index it means${kind === 'FULLTEXT' ? ' (a GIN index on the words of the columns)' : ''}`,
      fix: `${sql};`,
    });
    // Blank the element and the comma that joins it to the others.
    const previous = elements[n - 1];
    blank(previous?.comma !== undefined ? tokens[previous.comma]!.start : words[0]!.start, words[words.length - 1]!.end);
    if (previous?.comma === undefined && e.comma !== undefined) blank(tokens[e.comma]!.start, tokens[e.comma]!.end);
  });
  if (reading.fragments.length === 0) return undefined;
  reading.repaired = bytes.toString('utf8');
  return reading;
}

/** MySQL's FULLTEXT KEY name (a, b): a GIN index on to_tsvector of the columns, the way PostgreSQL searches words. */
function fullTextIndex(body: string, table: string): string | undefined {
  const m = /^(\S+)\s*\(([^()]*)\)\s*$/.exec(body);
  if (!m) return undefined;
  const columns = m[2]!.split(',').map((c) => c.trim()).filter(Boolean);
  const words = columns.length === 1 ? columns[0]! : columns.map((c) => `coalesce(${c}, '')`).join(" || ' ' || ");
  return `CREATE INDEX ${m[1]} ON ${table} USING gin (to_tsvector('simple', ${words}))`;
}
