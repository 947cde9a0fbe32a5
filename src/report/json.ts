import { countBySeverity, type Diagnostic } from '../schema/diagnostic.js';
import { sortDiagnostics } from './pretty.js';

/**
 * The machine-readable report: lines and columns 1-based in the document file. `extra`
 * adds a command's own result (what apply created) beside the diagnostics.
 */
export function formatJson(diagnostics: Diagnostic[], extra: Record<string, unknown> = {}): string {
  const counts = countBySeverity(diagnostics);
  return JSON.stringify({
    diagnostics: sortDiagnostics(diagnostics).map((d) => ({
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
    })),
    summary: { errors: counts.error, warnings: counts.warning, infos: counts.info },
    ...extra,
  }, null, 2);
}
