// `<!-- schemadoc-ignore SD501 -->` before a block, or on (or just above) a table row or SQL
// line, silences those codes there; with no code, every finding there.
import type { Suppression } from '../schema/diagnostic.js';
import type { HtmlBlock } from './markdown.js';

const IGNORE = /(?:<!--|--)\s*schemadoc-ignore\b(.*?)(?:-->|$)/;

function codesOf(rest: string): string[] {
  return rest.match(/\bSD\d{3}\b/gi)?.map((c) => c.toUpperCase()) ?? [];
}

export function readIgnoreComments(text: string, file: string, htmlBlocks: HtmlBlock[]): Suppression[] {
  const suppressions: Suppression[] = [];
  const blockLines = new Set<number>();
  for (const block of htmlBlocks) {
    const found = IGNORE.exec(block.content);
    if (!found || !block.next) continue;
    blockLines.add(block.line);
    suppressions.push({ file, line: block.next.line, endLine: block.next.endLine, codes: codesOf(found[1]!) });
  }
  if (!text.includes('schemadoc-ignore')) return suppressions;
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    const found = IGNORE.exec(content);
    if (!found || blockLines.has(line)) return;
    // Alone on its line, it is about the next line; after other text, about its own.
    const alone = content.replace(found[0], '').trim() === '';
    const target = alone ? line + 1 : line;
    suppressions.push({ file, line: target, endLine: target, codes: codesOf(found[1]!) });
  });
  return suppressions;
}
