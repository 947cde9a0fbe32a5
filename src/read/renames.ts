// `<!-- schemadoc: renamed from old_name -->` (or `-- schemadoc: renamed from old_name` in SQL)
// on a table's heading or statement line, or on a column's row or line: the object was called
// old_name, and a change of schema renames it rather than dropping it and making a new one.
// Alone on its line, a directive is about the next line; after other text, about its own.

export interface RenameDirective {
  file: string;
  /** The line it is about. */
  line: number;
  /** The old name, as written (`old_name`, `billing.old_name`), unquoted. */
  from: string;
  /** On a line of its own (about the next one), or after what it is about. */
  alone: boolean;
}

const DIRECTIVE = /(?:<!--|--)\s*schemadoc:\s*renamed\s+from\s+("(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$.]*)\s*(?:-->)?/iu;

export function readRenameDirectives(text: string, file: string): RenameDirective[] {
  if (!/renamed\s+from/i.test(text)) return [];
  const found: RenameDirective[] = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const match = DIRECTIVE.exec(content);
    if (!match) return;
    const alone = content.replace(match[0], '').trim() === '';
    let line = index + 1;
    // About the next line that says something.
    if (alone) while (line < lines.length && lines[line]!.trim() === '') line++;
    found.push({ file, line: alone ? line + 1 : line, from: match[1]!.replace(/^"(.*)"$/, '$1').replace(/""/g, '"'), alone });
  });
  return found;
}
