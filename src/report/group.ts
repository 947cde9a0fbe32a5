// One finding per cause: diagnostics of one code, severity and cause are one finding with all
// their places. Formats for people show a group once; machine formats keep a result per place
// and name its group.
import type { Diagnostic, Severity } from '../schema/diagnostic.js';
import { sortDiagnostics } from './pretty.js';

export interface FindingGroup {
  /** `SD507-1`: the code, then the group's number among that code's groups in report order. */
  id: string;
  code: string;
  severity: Severity;
  /** In document order; the first is the one shown in full. */
  places: Diagnostic[];
}

export function groupFindings(diagnostics: Diagnostic[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const perCode = new Map<string, number>();
  const out: FindingGroup[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    const key = d.cause === undefined ? undefined : `${d.code} ${d.severity} ${d.cause}`;
    const existing = key === undefined ? undefined : groups.get(key);
    if (existing) {
      existing.places.push(d);
      continue;
    }
    const n = (perCode.get(d.code) ?? 0) + 1;
    perCode.set(d.code, n);
    const group: FindingGroup = { id: `${d.code}-${n}`, code: d.code, severity: d.severity, places: [d] };
    if (key !== undefined) groups.set(key, group);
    out.push(group);
  }
  return out;
}

/** Causes and places by severity, for the summary lines. */
export function countFindings(groups: FindingGroup[]): { causes: Record<Severity, number>; places: number } {
  const causes: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let places = 0;
  for (const g of groups) {
    causes[g.severity]++;
    places += g.places.length;
  }
  return { causes, places };
}
