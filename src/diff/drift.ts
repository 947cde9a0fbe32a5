// Differences between a document and a database, as diagnostics at the document's lines: the
// reporters of check print them.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Difference } from './compare.js';

export const DRIFT_CODES = {
  missing: { code: 'SD701', name: 'missing-from-database', summary: 'An object the document describes that the database does not have' },
  extra: { code: 'SD702', name: 'extra-in-database', summary: 'An object the database has that the document does not describe' },
  different: { code: 'SD703', name: 'differs-from-database', summary: 'An object the database has otherwise than the document says' },
} as const;

/** Longer than this, a value is shown from where the two first differ. */
const SHORT = 80;

export function driftDiagnostics(differences: Difference[]): Diagnostic[] {
  return differences.map((d) => ({
    code: DRIFT_CODES[d.change].code,
    severity: 'error',
    message: message(d),
    ...(d.spans[0] ? { span: d.spans[0] } : {}),
  }));
}

function message(d: Difference): string {
  switch (d.change) {
    case 'missing': return `${d.kind} ${d.name} is not in the database`;
    case 'extra': return `the database has ${d.kind} ${d.name}, which the document does not describe${d.actual ? `: ${oneLine(d.actual, SHORT * 2)}` : ''}`;
    default: {
      if (d.aspect === 'name') return `${d.kind} ${d.name} is named ${d.actual!.split('.').pop()} in the database`;
      const [mine, theirs] = excerpts(d.expected, d.actual);
      return `${d.kind} ${d.name}: the ${d.aspect} ${d.aspect!.endsWith('s') ? 'differ' : 'differs'}; the document has ${mine}, the database ${theirs}`;
    }
  }
}

function oneLine(text: string, limit: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** Both values, or for long ones the stretch where they part. */
function excerpts(expected: string | undefined, actual: string | undefined): [string, string] {
  if (expected === undefined || actual === undefined) return [shown(expected), shown(actual)];
  const a = oneLine(expected, Infinity);
  const b = oneLine(actual, Infinity);
  if (a.length <= SHORT && b.length <= SHORT) return [shown(a), shown(b)];
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const from = Math.max(0, a.lastIndexOf(' ', Math.max(0, at - 20)));
  const cut = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, from + SHORT).trim()}${s.length > from + SHORT ? '…' : ''}`;
  return [shown(cut(a)), shown(cut(b))];
}

const shown = (value: string | undefined) => (value === undefined ? 'none' : `\`${value}\``);
