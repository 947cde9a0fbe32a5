// What a document says about changing the schema, for the plan from its previous version:
// `<!-- schemadoc: renamed from old_name -->` (or `-- schemadoc: renamed from old_name` in SQL)
// on a table's heading or statement line, or on a column's row or line: the object was called
// old_name, and a change renames it rather than dropping it and making a new one;
// `schemadoc: using (amount * 100)::bigint` on a column: how its values convert when its type
// changes. Alone on its line, a directive is about the next line; after other text, about its own.

export interface ChangeDirective {
  file: string;
  /** The line it is about. */
  line: number;
  /** The old name, as written (`old_name`, `billing.old_name`), unquoted. */
  renamedFrom?: string;
  /** The USING expression of a type change. */
  using?: string;
  /** On a line of its own (about the next one), or after what it is about. */
  alone: boolean;
}

const RENAMED = /(?:<!--|--)\s*schemadoc:\s*renamed\s+from\s+("(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$.]*)\s*(?:-->)?/iu;
const USING = /(?:<!--|--)\s*schemadoc:\s*using\s+(.+?)\s*(?:-->|$)/i;

export function readChangeDirectives(text: string, file: string): ChangeDirective[] {
  if (!/schemadoc:\s*(renamed\s+from|using)\b/i.test(text)) return [];
  const found: ChangeDirective[] = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    const renamed = RENAMED.exec(content);
    const using = renamed ? undefined : USING.exec(content);
    const match = renamed ?? using;
    if (!match) return;
    const alone = content.replace(match[0], '').trim() === '';
    let line = index + 1;
    // About the next line that says something.
    if (alone) while (line < lines.length && lines[line]!.trim() === '') line++;
    found.push({
      file, line: alone ? line + 1 : line, alone,
      ...(renamed ? { renamedFrom: renamed[1]!.replace(/^"(.*)"$/, '$1').replace(/""/g, '"') } : { using: using![1]! }),
    });
  });
  return found;
}
