// Rename directives attached to what they are about: the column whose row or line they stand
// on, else the table whose heading or statement they stand on (or that is described just below).
import type { Schema, Span } from '../schema/model.js';
import type { RenameDirective } from '../read/renames.js';
import type { Diagnostic } from '../schema/diagnostic.js';

/** How far below a directive the table it is about may start (a heading, then its table). */
const NEARBY = 4;

const covers = (span: Span, d: RenameDirective) => span.file === d.file && span.line <= d.line && d.line <= (span.endLine ?? span.line);

export function attachRenames(schema: Schema, directives: RenameDirective[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const d of directives) {
    // Above a statement that starts a table, about the table; on a line, about the column there.
    const starting = d.alone ? schema.tables.find((t) => t.spans.some((s) => s.file === d.file && s.line === d.line)) : undefined;
    const column = starting ? undefined : schema.tables.flatMap((t) => t.columns).find((c) => c.spans.some((s) => s.file === d.file && s.line === d.line));
    if (column) {
      column.renamedFrom = d.from;
      continue;
    }
    const table = starting ?? schema.tables.find((t) => t.spans.some((s) => covers(s, d)))
      ?? schema.tables.find((t) => t.spans.some((s) => s.file === d.file && s.line >= d.line && s.line <= d.line + NEARBY));
    if (table) table.renamedFrom = d.from;
    else {
      diagnostics.push({
        code: 'SD123', severity: 'warning', span: { file: d.file, line: d.line - 1, column: 1, source: 'prose' },
        message: `"renamed from ${d.from}" is about no table or column: put it on the table's heading or statement line, or on the column's row or line`,
      });
    }
  }
  return diagnostics;
}
