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
}

export function countBySeverity(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
