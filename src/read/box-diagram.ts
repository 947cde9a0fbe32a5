// Entity boxes drawn with box-drawing characters in a text block, side by side or stacked:
//   ┌─────────────┐
//   │    Users    │      the title: the table
//   ├─────────────┤
//   │ id (PK)     │      a row each: a column, maybe with its type or keys
//   │ email       │
//   └─────────────┘
// Each box is found by its corners and read column by column, so boxes beside one another and
// the arrows between them do not mix.
import type { Located } from './markdown.js';

export interface Box {
  title: Located;
  rows: Located[];
}

/** Characters of a box's top edge besides `─`: where lines join it. */
const EDGE = /^[─━┬┴┼▼▲▽△↓↑│]$/u;

export function boxesIn(content: string, firstLine: number, indent: number): Box[] {
  if (!content.includes('┌')) return [];
  const lines = content.split('\n').map((line) => [...line]);
  const boxes: Box[] = [];
  lines.forEach((chars, top) => {
    chars.forEach((char, left) => {
      if (char !== '┌' || chars[left + 1] !== '─') return;
      let right = left + 1;
      while (right < chars.length && EDGE.test(chars[right]!)) right++;
      if (chars[right] !== '┐') return;
      const box = readBox(lines, top, left, right, firstLine, indent);
      if (box) boxes.push(box);
    });
  });
  return boxes;
}

/** The box whose top edge runs from `left` to `right` on line `top`: its title, then its rows. */
function readBox(lines: string[][], top: number, left: number, right: number, firstLine: number, indent: number): Box | undefined {
  const title: Located[] = [];
  const rows: Located[] = [];
  let divided = false;
  for (let n = top + 1; n < lines.length; n++) {
    const side = lines[n]![left];
    if (side === '└') break;
    if (side === '├') {
      divided = true;
      continue;
    }
    if (side !== '│') return undefined;
    const inside = lines[n]!.slice(left + 1, right).join('');
    const text = inside.trim();
    if (!text) continue;
    const at: Located = { text, line: firstLine + n, column: indent + left + 2 + (inside.length - inside.trimStart().length) };
    (divided ? rows : title).push(at);
  }
  return divided && title.length === 1 && rows.length > 0 ? { title: title[0]!, rows } : undefined;
}
