// PostgreSQL's parser (libpg-query's WebAssembly build), called directly: the parse tree's
// JSON is found and decoded with Buffer's native code rather than the package's JavaScript
// loops, which saves a tenth of every parse. One instance serves all of schemadoc.
import createModule, { type PgQueryWasm } from 'libpg-query/wasm/libpg-query.js';
import type { Node } from './ast.js';

let wasm: PgQueryWasm | undefined;

export async function loadParser(): Promise<void> {
  wasm ??= await createModule();
}

/** PostgreSQL refused the text: its message and the byte offset it points at. */
export class SqlSyntaxError extends Error {
  constructor(message: string, readonly position: number | undefined) {
    super(message);
  }
}

export interface ScanToken {
  start: number;
  end: number;
  text: string;
  tokenName: string;
}

/** The parse tree of one or more statements: `{ stmts: [{ stmt, stmt_location, stmt_len }] }`. */
export function parseSql(text: string): Node {
  const module = loaded();
  return withInput(module, text, (query) => {
    const result = module._wasm_parse_query_raw(query);
    if (!result) throw new SqlSyntaxError('the parser ran out of memory', undefined);
    try {
      const heap = Buffer.from(module.HEAPU8.buffer);
      const tree = heap.readUInt32LE(result);
      const error = heap.readUInt32LE(result + 8);
      if (error) {
        const message = heap.readUInt32LE(error);
        const cursor = heap.readInt32LE(error + 16);
        throw new SqlSyntaxError(message ? cString(heap, message) : 'syntax error', cursor > 0 ? cursor - 1 : 0);
      }
      return JSON.parse(cString(heap, tree));
    } finally {
      module._wasm_free_parse_result(result);
    }
  });
}

/** PostgreSQL's scanner: every token with its byte offsets (comments included). */
export function scanSql(text: string): ScanToken[] {
  const module = loaded();
  return withInput(module, text, (query) => {
    const result = module._wasm_scan(query);
    try {
      const json = cString(Buffer.from(module.HEAPU8.buffer), result);
      if (!json.startsWith('{')) throw new SqlSyntaxError(json, undefined);
      return (JSON.parse(json) as { tokens: ScanToken[] }).tokens;
    } finally {
      module._wasm_free_string(result);
    }
  });
}

function loaded(): PgQueryWasm {
  if (!wasm) throw new Error('the SQL parser is not loaded: call loadParser() first');
  return wasm;
}

/** Runs `work` with `text` as a NUL-terminated UTF-8 string in the module's memory. */
function withInput<T>(module: PgQueryWasm, text: string, work: (pointer: number) => T): T {
  const length = Buffer.byteLength(text);
  const pointer = module._malloc(length + 1);
  try {
    const heap = Buffer.from(module.HEAPU8.buffer);
    heap.write(text, pointer, 'utf8');
    heap[pointer + length] = 0;
    return work(pointer);
  } finally {
    module._free(pointer);
  }
}

function cString(heap: Buffer, pointer: number): string {
  return heap.toString('utf8', pointer, heap.indexOf(0, pointer));
}

/** The tokens of `text` without its comments; undefined when it does not scan. */
export function codeTokens(text: string): ScanToken[] | undefined {
  try {
    return scanSql(text).filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT');
  } catch {
    return undefined;
  }
}
