import type { SourceKind, Span } from '../schema/model.js';

/**
 * Maps UTF-8 byte offsets inside a code block (libpg-query reports bytes) to file
 * lines and columns (1-based, columns counted in characters).
 */
export class BlockSourceMap implements SpanSource {
  private readonly bytes: Buffer;
  private readonly lineStarts: number[] = [0];
  /** Every character is one byte: columns need no counting. */
  private readonly ascii: boolean;
  /** Added to every offset: a statement parsed on its own reports offsets from its own start. */
  protected base = 0;

  constructor(
    readonly text: string,
    private readonly file: string,
    private readonly firstLine: number,
    private readonly indent: number,
    private readonly source: SourceKind = 'sql',
  ) {
    this.bytes = Buffer.from(text, 'utf8');
    this.ascii = this.bytes.length === text.length;
    for (let i = this.bytes.indexOf(0x0a); i >= 0; i = this.bytes.indexOf(0x0a, i + 1)) this.lineStarts.push(i + 1);
  }

  get byteLength(): number {
    return this.bytes.length;
  }

  /** The same map for text that starts `byteOffset` bytes into the block. */
  from(byteOffset: number): BlockSourceMap {
    // A copy with its own fields (not an object inheriting them): reads stay fast.
    const shifted = Object.assign(Object.create(Object.getPrototypeOf(this)), this) as BlockSourceMap;
    shifted.base = this.base + byteOffset;
    return shifted;
  }

  /** Whether the text between two byte offsets contains `needle` (searched without decoding). */
  includes(needle: string, start: number, end: number): boolean {
    const at = this.bytes.indexOf(needle, this.base + start);
    return at >= 0 && at + Buffer.byteLength(needle) <= this.base + end;
  }

  /** The text between two byte offsets. */
  slice(start: number, end: number): string {
    return this.bytes.subarray(this.base + start, this.base + end).toString('utf8');
  }

  position(byteOffset: number): { line: number; column: number } {
    const offset = Math.max(0, Math.min(this.base + byteOffset, this.bytes.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // Characters, not bytes: UTF-8 continuation bytes (10xxxxxx) do not count.
    const start = this.lineStarts[lo]!;
    let column = offset - start;
    if (!this.ascii) for (let i = start; i < offset; i++) if ((this.bytes[i]! & 0xc0) === 0x80) column--;
    return { line: this.firstLine + lo, column: this.indent + column + 1 };
  }

  span(start: number, end?: number): Span {
    const from = this.position(start);
    const span: Span = { file: this.file, line: from.line, column: from.column, source: this.source };
    if (end !== undefined) {
      const to = this.position(end);
      span.endLine = to.line;
      span.endColumn = to.column;
    }
    return span;
  }
}

/**
 * A repaired copy of a piece of a block (MySQL syntax rewritten for PostgreSQL): statements
 * are parsed from the copy, and their offsets are mapped back to the block's own text.
 */
export class EditedSourceMap extends BlockSourceMap {
  constructor(private readonly original: BlockSourceMap, edited: string, private readonly toOriginal: (offset: number) => number) {
    super(edited, '', 0, 0);
  }

  override position(byteOffset: number): { line: number; column: number } {
    return this.original.position(this.toOriginal(this.base + byteOffset));
  }

  override span(start: number, end?: number): Span {
    return this.original.span(this.toOriginal(this.base + start), end === undefined ? undefined : this.toOriginal(this.base + end));
  }
}

/** Where the parts of a parsed statement are in the document. */
export interface SpanSource {
  span(start: number, end?: number): Span;
}

/**
 * For SQL that schemadoc writes from a table row or a bullet: every part of it is at the
 * row or bullet it came from.
 */
export function fixedSpan(span: Span): SpanSource {
  return { span: () => ({ ...span }) };
}
