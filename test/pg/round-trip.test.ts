// What is emitted means what was read: every statement `sql` prints parses, and a statement of
// the document's own SQL parses to the same tree as the statement it came from, found in the
// document by PostgreSQL's parser independently of schemadoc's reading.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDocuments } from '../../src/compile.js';
import { emitStatements } from '../../src/pg/emit.js';
import { readMarkdown } from '../../src/read/markdown.js';
import { loadParser, parseSql } from '../../src/read/sql/parser.js';
import { allSeeds, CORPUS_DIR } from '../helpers/documents.js';
import { realSqlFiles } from '../helpers/realsql.js';

type Tree = unknown;

const LOCATIONS = new Set(['location', 'stmt_location', 'stmt_len', 'list_start', 'list_end']);

/** A parse tree without its byte offsets: two statements that mean the same thing have the same one. */
function withoutLocations(tree: Tree): string {
  return JSON.stringify(tree, (key, value) => (LOCATIONS.has(key) ? undefined : value));
}

function trees(sql: string): string[] {
  return (parseSql(sql).stmts ?? []).map((s: { stmt: Tree }) => withoutLocations(s.stmt));
}

/** Every statement of the document's SQL by the line and column where it starts. */
function inputStatements(file: string, text: string): Map<string, string> {
  const found = new Map<string, string>();
  const blocks = file.endsWith('.sql') ? [{ content: text, line: 1, indent: 0 }] : readMarkdown(text).blocks;
  for (const block of blocks) {
    // psql's meta-commands are not SQL: blanked, as psql reads them.
    const content = block.content.split('\n').map((l) => (l.trimStart().startsWith('\\') ? ' '.repeat(Buffer.byteLength(l)) : l)).join('\n');
    let parsed;
    try {
      parsed = parseSql(content);
    } catch {
      continue;
    }
    const bytes = Buffer.from(content, 'utf8');
    for (const s of parsed.stmts ?? []) {
      let at = s.stmt_location ?? 0;
      // Past white space and comments to the first token, as a span points at it.
      for (;;) {
        const rest = bytes.subarray(at).toString('utf8');
        const skip = /^(\s+|--[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest)?.[0];
        if (!skip) break;
        at += Buffer.byteLength(skip);
      }
      const before = bytes.subarray(0, at).toString('utf8').split('\n');
      const line = block.line + before.length - 1;
      const column = block.indent + before[before.length - 1]!.length + 1;
      found.set(`${line}:${column}`, withoutLocations(s.stmt));
    }
  }
  return found;
}

const documents = [
  ...allSeeds(),
  ...readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => CORPUS_DIR + f),
  ...realSqlFiles().map((f) => f.path),
];

describe('what sql prints means what was read', () => {
  it.each(documents)('%s', async (path) => {
    await loadParser();
    const text = readFileSync(path, 'utf8');
    const { schema } = await compileDocuments([{ file: path, text }]);
    const input = inputStatements(path, text);
    let compared = 0;
    for (const statement of emitStatements(schema)) {
      // Every statement parses.
      const [tree, ...more] = trees(statement.sql);
      expect(tree, statement.sql).toBeDefined();
      if (statement.origin !== 'script') continue;
      expect(more, statement.sql).toEqual([]);
      const span = statement.spans[0]!;
      const written = input.get(`${span.line}:${span.column}`);
      // A statement read as other SQL than written (MySQL syntax, a pseudo-SQL policy) has no twin in the input.
      if (written === undefined) continue;
      expect(tree, `${path}:${span.line}:${span.column}`).toBe(written);
      compared++;
    }
    // A real SQL file runs as written: every statement of it is there, and nothing schemadoc wrote.
    if (path.endsWith('.sql')) {
      expect(compared).toBe(schema.script.length);
      expect(emitStatements(schema).filter((s) => s.origin === 'model')).toEqual([]);
    }
  });
});
