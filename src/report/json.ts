import { countBySeverity, type Diagnostic } from '../schema/diagnostic.js';
import { groupFindings } from './group.js';

/**
 * The machine-readable report: lines and columns 1-based in the document file. `extra`
 * adds a command's own result (what apply created) beside the diagnostics. One result per place;
 * the places of one cause share a `group`, and the summary counts both.
 */
export function formatJson(diagnostics: Diagnostic[], extra: Record<string, unknown> = {}): string {
  const counts = countBySeverity(diagnostics);
  const groups = groupFindings(diagnostics);
  const placed = groups.flatMap((g) => g.places.map((d) => ({ d, group: g.id })));
  return JSON.stringify({
    diagnostics: placed.map(({ d, group }) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.span?.file ?? null,
      line: d.span?.line ?? null,
      column: d.span?.column ?? null,
      endLine: d.span?.endLine ?? d.span?.line ?? null,
      endColumn: d.span?.endColumn ?? d.span?.column ?? null,
      related: (d.related ?? []).map((r) => ({ file: r.span.file, line: r.span.line, column: r.span.column, message: r.message })),
      ...(d.fix ? { fix: d.fix } : {}),
      group,
    })),
    summary: { errors: counts.error, warnings: counts.warning, infos: counts.info, findings: groups.length, places: diagnostics.length },
    ...extra,
  }, null, 2);
}
