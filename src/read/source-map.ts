import type { SourceKind, Span } from '../schema/model.js';

/** What every map of one block shares: its bytes and where its lines start. */
interface BlockText {
  text: string;
  bytes: Buffer;
  lineStarts: number[];
  /** Every character is one byte: columns need no counting. */
  ascii: boolean;
  file: string;
  firstLine: number;
  indent: number;
  source: SourceKind;
}

function blockText(text: string, file: string, firstLine: number, indent: number, source: SourceKind): BlockText {
  const bytes = Buffer.from(text, 'utf8');
  const lineStarts = [0];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lineStarts.push(i + 1);
  return { text, bytes, lineStarts, ascii: bytes.length === text.length, file, firstLine, indent, source };
}

/**
 * Maps UTF-8 byte offsets inside a code block (libpg-query reports bytes) to file
 * lines and columns (1-based, columns counted in characters).
 */
export class BlockSourceMap implements SpanSource {
  /**
   * `base` is added to every offset: a statement parsed on its own reports offsets from its
   * own start. Shifted maps are made by this constructor too, so that every map has the
   * class's shape, which V8 keeps for as long as the class (a copied object's shape is
   * forgotten at a full collection, and the code that reads maps with it).
   */
  protected constructor(protected readonly block: BlockText, protected readonly base: number) {}

  static of(text: string, file: string, firstLine: number, indent: number, source: SourceKind = 'sql'): BlockSourceMap {
    return new BlockSourceMap(blockText(text, file, firstLine, indent, source), 0);
  }

  get text(): string {
    return this.block.text;
  }

  get byteLength(): number {
    return this.block.bytes.length;
  }

  /** The same map for text that starts `byteOffset` bytes into the block. */
  from(byteOffset: number): BlockSourceMap {
    return new BlockSourceMap(this.block, this.base + byteOffset);
  }

  /** Whether the text between two byte offsets contains `needle` (searched without decoding). */
  includes(needle: string, start: number, end: number): boolean {
    const at = this.block.bytes.indexOf(needle, this.base + start);
    return at >= 0 && at + Buffer.byteLength(needle) <= this.base + end;
  }

  /** The text between two byte offsets. */
  slice(start: number, end: number): string {
    return this.block.bytes.subarray(this.base + start, this.base + end).toString('utf8');
  }

  position(byteOffset: number): { line: number; column: number } {
    const { bytes, lineStarts } = this.block;
    const offset = Math.max(0, Math.min(this.base + byteOffset, bytes.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // Characters, not bytes: UTF-8 continuation bytes (10xxxxxx) do not count.
    const start = lineStarts[lo]!;
    let column = offset - start;
    if (!this.block.ascii) for (let i = start; i < offset; i++) if ((bytes[i]! & 0xc0) === 0x80) column--;
    return { line: this.block.firstLine + lo, column: this.block.indent + column + 1 };
  }

  span(start: number, end?: number): Span {
    const from = this.position(start);
    const span: Span = { file: this.block.file, line: from.line, column: from.column, source: this.block.source };
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
  private constructor(
    private readonly original: BlockSourceMap, edited: BlockText, private readonly toOriginal: (offset: number) => number, base: number,
  ) {
    super(edited, base);
  }

  static edited(original: BlockSourceMap, edited: string, toOriginal: (offset: number) => number): EditedSourceMap {
    return new EditedSourceMap(original, blockText(edited, '', 0, 0, 'sql'), toOriginal, 0);
  }

  override from(byteOffset: number): EditedSourceMap {
    return new EditedSourceMap(this.original, this.block, this.toOriginal, this.base + byteOffset);
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
