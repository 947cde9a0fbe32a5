import type { Span } from './model.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  span: Span;
  message: string;
}

/** A finding about a document or database. Reporters only format these. */
export interface Diagnostic {
  /** Stable code: SD1xx reading, SD2xx merging, SD3xx applying. */
  code: string;
  severity: Severity;
  message: string;
  span?: Span;
  related?: RelatedLocation[];
  fix?: string;
  /**
   * What this finding is an instance of (`varchar`, `AUTO_INCREMENT`, the undefined name): findings
   * of one code and one cause are reported as one finding with several places. None: a cause of its own.
   */
  cause?: string;
}

export function countBySeverity(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Lines of a document where some codes (or, with none listed, all) are not reported. */
export interface Suppression {
  file: string;
  line: number;
  endLine: number;
  codes: string[];
}

export function withoutSuppressed(diagnostics: Diagnostic[], suppressions: Suppression[]): Diagnostic[] {
  if (suppressions.length === 0) return diagnostics;
  return diagnostics.filter((d) => !d.span || !suppressions.some((s) => s.file === d.span!.file
    && d.span!.line >= s.line && d.span!.line <= s.endLine && (s.codes.length === 0 || s.codes.includes(d.code))));
}
