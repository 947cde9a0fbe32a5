// Change directives attached to what they are about: the column whose row or line they stand
// on, else (a rename) the table whose heading or statement they stand on, or that is described
// just below.
import type { Schema, Span } from '../schema/model.js';
import type { ChangeDirective } from '../read/change-directives.js';
import type { Diagnostic } from '../schema/diagnostic.js';

/** How far below a directive the table it is about may start (a heading, then its table). */
const NEARBY = 4;

const covers = (span: Span, d: ChangeDirective) => span.file === d.file && span.line <= d.line && d.line <= (span.endLine ?? span.line);

export function attachChangeDirectives(schema: Schema, directives: ChangeDirective[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const unattached = (d: ChangeDirective, what: string) => diagnostics.push({
    code: 'SD123', severity: 'warning', span: { file: d.file, line: d.alone ? d.line - 1 : d.line, column: 1, source: 'prose' },
    message: `"${d.renamedFrom ? `renamed from ${d.renamedFrom}` : `using ${d.using}`}" is about no ${what}: put it on the ${what === 'column' ? "column's row or line" : "table's heading or statement line, or on the column's row or line"}`,
  });
  for (const d of directives) {
    // Above a statement that starts a table, a rename is about the table; on a line, about the column there.
    const starting = d.alone && d.renamedFrom ? schema.tables.find((t) => t.spans.some((s) => s.file === d.file && s.line === d.line)) : undefined;
    const column = starting ? undefined : schema.tables.flatMap((t) => t.columns).find((c) => c.spans.some((s) => s.file === d.file && s.line === d.line));
    if (d.using) {
      if (column) column.using = d.using;
      else unattached(d, 'column');
      continue;
    }
    if (column) {
      column.renamedFrom = d.renamedFrom!;
      continue;
    }
    const table = starting ?? schema.tables.find((t) => t.spans.some((s) => covers(s, d)))
      ?? schema.tables.find((t) => t.spans.some((s) => s.file === d.file && s.line >= d.line && s.line <= d.line + NEARBY));
    if (table) table.renamedFrom = d.renamedFrom!;
    else unattached(d, 'table or column');
  }
  return diagnostics;
}
