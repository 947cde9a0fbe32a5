// One parsed SQL statement → fragments. A schema statement becomes a `script` fragment: the
// statement as written, which apply runs where it stands, with what it says about the model
// inside it. Settings, examples (SELECT, INSERT …) and statements that are no part of a schema
// (CREATE DATABASE) are read for what they are.
import type { Diagnostic } from '../../schema/diagnostic.js';
import type { Span, Table } from '../../schema/model.js';
import { emptyFacts, readForeignKey } from '../column-vocabulary.js';
import type { Fragment, LikeClause } from '../fragment.js';
import type { BlockSourceMap } from '../source-map.js';
import { readAlterTable, readEnumValue, readRename, partitionBound } from './alter.js';
import { collectReferences, rangeVarName, type Node, type References } from './ast.js';
import { readDrop } from './drop.js';
import { impliedExtensions } from './implied-extensions.js';
import { readComment, readIndex, readObjectStatement, readPolicy } from './objects.js';
import { scanSql } from './parser.js';
import { scriptStatement } from './script.js';
import { readSetting } from './settings.js';
import { readCreateTable, UnsupportedSql } from './table.js';

/** A statement as the parser found it. */
export interface Statement {
  node: Node;
  kind: string;
  /** Byte offsets into `bytes` (the UTF-8 of `text`, what was parsed), and the source map they are relative to. */
  start: number;
  end: number;
  text: string;
  bytes: Buffer;
  at: BlockSourceMap;
}

/** Statements that are not schema: kept as examples, never applied. */
export const EXAMPLE_STATEMENTS = new Set([
  'SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'VacuumStmt', 'ExplainStmt',
  'CopyStmt', 'TruncateStmt', 'VariableShowStmt', 'CallStmt',
  'ListenStmt', 'NotifyStmt', 'LockStmt', 'CheckPointStmt', 'ReindexStmt', 'ClusterStmt', 'PrepareStmt',
  'ExecuteStmt', 'DeallocateStmt', 'RefreshMatViewStmt', 'DiscardStmt', 'LoadStmt',
]);

/** Statements about databases, the server or transactions: no part of a schema, and left out of it. */
const NOT_SCHEMA: Record<string, string> = {
  CreatedbStmt: 'CREATE DATABASE', DropdbStmt: 'DROP DATABASE', AlterDatabaseStmt: 'ALTER DATABASE',
  AlterDatabaseSetStmt: 'ALTER DATABASE', AlterDatabaseRefreshCollStmt: 'ALTER DATABASE', AlterSystemStmt: 'ALTER SYSTEM',
  CreateTableSpaceStmt: 'CREATE TABLESPACE', DropTableSpaceStmt: 'DROP TABLESPACE', TransactionStmt: 'transaction control',
};

export function readStatement(statement: Statement, diagnostics: Diagnostic[]): Fragment[] {
  const { node, kind, at } = statement;
  const span = at.span(statement.start, statement.end);
  const sql = statementText(statement);
  const setting = readSetting(kind, node, sql, span);
  if (setting) return [setting];
  if (EXAMPLE_STATEMENTS.has(kind)) return [{ kind: 'example', example: { sql, statementKind: kind, spans: [span] } }];
  const leftOut = NOT_SCHEMA[kind];
  if (leftOut) {
    diagnostics.push(notSchema(leftOut, span));
    return [];
  }
  const refs = collectReferences(node);
  // A fresh literal, not the array impliedExtensions returns: pushes below then always meet one kind of array.
  const fragments: Fragment[] = [];
  fragments.push(...impliedExtensions(node, refs, span));
  const inner: Fragment[] = [];
  const script: Extract<Fragment, { kind: 'script' }> = {
    kind: 'script', statement: scriptStatement(kind, node, sql, span, refs), fragments: inner, modeled: true,
  };
  fragments.push(script);
  try {
    readModel(statement, span, refs, inner, fragments, script, diagnostics);
  } catch (error) {
    if (!(error instanceof UnsupportedSql)) throw error;
    inner.length = 0;
    script.modeled = false;
    diagnostics.push({
      code: 'SD102', severity: 'info', span,
      message: `schemadoc's model cannot hold ${error.message} yet; the statement is applied as written, and checks leave it out`,
    });
  }
  return fragments;
}

/** What the statement says about the model, into `inner`; `outer` takes what is about the document. */
function readModel(
  statement: Statement, span: Span, refs: References, inner: Fragment[], outer: Fragment[], script: Extract<Fragment, { kind: 'script' }>,
  diagnostics: Diagnostic[],
): void {
  const { node, kind, at } = statement;
  switch (kind) {
    case 'CreateStmt': {
      if (node.ofTypename) {
        script.modeled = false;
        diagnostics.push({ code: 'SD103', severity: 'info', span, message: 'a table created OF a composite type is applied as written; its columns are not in the model' });
        return;
      }
      const reading = readCreateTable(node, at, span, refs);
      const like = likeClauses(node);
      const table: Table = reading.table;
      if (node.partbound) table.partitionOf = { table: rangeVarName(node.inhRelations[0].RangeVar), bound: partitionBound(node.partbound) };
      if (table.partitionOf) delete table.inherits;
      inner.push({ kind: 'table', table, ...(like.length ? { like } : {}), ...(node.if_not_exists ? { ifNotExists: true } : {}) });
      for (const index of reading.inlineIndexes) inner.push({ kind: 'index', index });
      if (reading.repaired) script.repaired = true;
      outer.push(...statedReferences(statement, table));
      diagnostics.push(...reading.diagnostics);
      return;
    }
    case 'IndexStmt':
      inner.push({ kind: 'index', index: readIndex(node, span), ...(node.if_not_exists ? { ifNotExists: true } : {}) });
      return;
    case 'CreatePolicyStmt':
      inner.push({ kind: 'policy', policy: readPolicy(node, span, refs) });
      return;
    case 'AlterTableStmt': {
      const reading = readAlterTable(node, at, span);
      inner.push(...reading.fragments);
      script.modeled = reading.modeled;
      if (node.missing_ok) script.ifExists = rangeVarName(node.relation);
      return;
    }
    case 'CommentStmt': {
      const comment = readComment(node, span);
      if (comment) inner.push({ kind: 'comment', comment });
      else script.modeled = false;
      return;
    }
    case 'DropStmt':
      inner.push(...readDrop(node, span));
      return;
    case 'RenameStmt': {
      const rename = readRename(node, span);
      if (rename) inner.push(rename);
      else script.modeled = false;
      return;
    }
    case 'AlterEnumStmt':
      inner.push(readEnumValue(node, span));
      return;
    default: {
      const read = readObjectStatement(kind, node, script.statement.sql, span, refs);
      if (read) inner.push(read);
      else script.modeled = false;
    }
  }
}

/** `LIKE source INCLUDING …` elements of CREATE TABLE (the option bits of PostgreSQL's TableLikeOption). */
function likeClauses(node: Node): LikeClause[] {
  const clauses: LikeClause[] = [];
  for (const element of node.tableElts ?? []) {
    const like = element.TableLikeClause;
    if (!like) continue;
    const options: number = like.options ?? 0;
    clauses.push({ table: rangeVarName(like.relation), defaults: Boolean(options & (1 << 3)), constraints: Boolean(options & (1 << 2)), indexes: Boolean(options & (1 << 6)) });
  }
  return clauses;
}

function notSchema(what: string, span: Span): Diagnostic {
  return {
    code: 'SD106', severity: 'info', span, cause: what,
    message: `${what} is not part of a schema: schemadoc creates the schema in the database it is given, and leaves the statement out`,
  };
}

/** `\c other_database`: the same, for psql's command. */
export function connectsElsewhere(command: string, span: Span): Diagnostic | undefined {
  return /^\\(c|connect)\b/.test(command) ? notSchema(`psql's ${command.split(/\s/)[0]}`, span) : undefined;
}

/** The statement's text as written, without the comments and white space after its last token. */
function statementText(statement: Statement): string {
  const { bytes } = statement;
  // Byte offsets are character offsets in ASCII text, and a slice of it shares its memory.
  const text = bytes.length === statement.text.length
    ? statement.text.slice(statement.start, statement.end)
    : bytes.subarray(statement.start, statement.end).toString('utf8');
  if (statement.end < bytes.length || (!text.includes('--') && !text.includes('/*'))) return text.trimEnd();
  // The last statement of a block without its semicolon may end in a comment, which a `;` after it would join.
  try {
    const tokens = scanSql(text).filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT');
    const last = tokens[tokens.length - 1];
    return last ? Buffer.from(text, 'utf8').subarray(0, last.end).toString('utf8') : text.trimEnd();
  } catch {
    return text.trimEnd();
  }
}

/** `owner_id UUID NOT NULL, -- References users(id)`: what a comment beside a column says it references. */
function statedReferences(statement: Statement, table: Table): Fragment[] {
  // Scanning costs more than reading the table: only statements with a comment are scanned.
  if (!statement.at.includes('--', statement.start, statement.end)) return [];
  const text = statement.at.slice(statement.start, statement.end);
  let comments;
  try {
    comments = scanSql(text).filter((t) => t.tokenName === 'SQL_COMMENT');
  } catch {
    return [];
  }
  const fragments: Fragment[] = [];
  const base = statement.at.span(statement.start).line;
  const lineOf = (byte: number) => base + (Buffer.from(text, 'utf8').subarray(0, byte).toString('utf8').match(/\n/g)?.length ?? 0);
  for (const comment of comments) {
    const facts = emptyFacts();
    if (!readForeignKey(comment.text.replace(/^--\s*/, ''), facts) || !facts.references?.table) continue;
    const line = lineOf(comment.start);
    const column = table.columns.find((c) => c.spans[0]?.line === line);
    if (!column) continue;
    const { schema, table: name } = facts.references;
    fragments.push({
      kind: 'stated-reference', table: { ...(table.schema ? { schema: table.schema } : {}), name: table.name }, column: column.name,
      references: schema ? { schema, name } : { name }, span: statement.at.span(statement.start + comment.start),
    });
  }
  return fragments;
}
