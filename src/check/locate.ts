import type { Span } from '../schema/model.js';

/** The first match of `pattern` in the document lines a span covers, as a span of its own. */
export function locateIn(sources: Map<string, string>, span: Span | undefined, pattern: RegExp): Span | undefined {
  const text = span && sources.get(span.file);
  if (!span || !text) return span;
  const lines = linesOf(text);
  for (let line = span.line; line <= (span.endLine ?? span.line) && line <= lines.length; line++) {
    const found = pattern.exec(lines[line - 1]!);
    if (found) return { ...span, line, column: found.index + 1, endLine: line, endColumn: found.index + found[0].length + 1 };
  }
  return span;
}

// Rules and the executor look up many spans in the same document: split it once.
let lastText = '';
let lastLines: string[] = [];
function linesOf(text: string): string[] {
  if (text !== lastText) {
    lastText = text;
    lastLines = text.split('\n');
  }
  return lastLines;
}
