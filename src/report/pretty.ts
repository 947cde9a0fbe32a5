import type { Diagnostic } from '../schema/diagnostic.js';
import { countFindings, groupFindings, type FindingGroup } from './group.js';
import type { Span } from '../schema/model.js';

export interface PrettyOptions {
  color: boolean;
  /** The text of each file, for code frames. */
  sources: Map<string, string>;
  /** How many findings of one code are shown; a line counts the rest (default 100). */
  perCode?: number;
  /** List every place of a finding with several, instead of the first three (default false). */
  allPlaces?: boolean;
}

export const FINDINGS_PER_CODE = 100;
/** Places of one finding shown before "and N more". */
export const PLACES_SHOWN = 3;

const COLORS = { error: '31', warning: '33', info: '36', dim: '2', bold: '1' } as const;

/**
 * `file:line:col severity code message`, the line with a caret, related places and a fix; a
 * finding with several places (one cause) lists the others one line each after it.
 */
export function formatPretty(diagnostics: Diagnostic[], options: PrettyOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const perCode = options.perCode ?? FINDINGS_PER_CODE;
  const shown = new Map<string, number>();
  // Each file is split into lines once, not once a finding.
  const lines = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) lines.set(file, options.sources.get(file)?.split('\n'));
    return lines.get(file);
  };
  const out: string[] = [];
  const groups = groupFindings(diagnostics);
  for (const { places: [d, ...others] } of groups) {
    const n = (shown.get(d!.code) ?? 0) + 1;
    shown.set(d!.code, n);
    if (n > perCode) continue;
    out.push(`${d!.span ? `${location(d!.span)} ` : ''}${paint(COLORS[d!.severity], d!.severity)} ${paint(COLORS.dim, d!.code)} ${d!.message}`);
    if (d!.span) out.push(...codeFrame(d!.span, linesOf(d!.span.file)?.[d!.span.line - 1], paint));
    for (const r of d!.related ?? []) out.push(`    ${paint(COLORS.dim, `${location(r.span)}: ${r.message}`)}`);
    if (d!.fix) out.push(`    fix: ${d!.fix}`);
    if (others.length === 0) continue;
    const listed = options.allPlaces ? others : others.slice(0, PLACES_SHOWN - 1);
    for (const o of listed) out.push(`    also ${o.span ? `${paint(COLORS.dim, location(o.span))}: ` : ''}${o.message}`);
    const rest = others.length - listed.length;
    if (rest) out.push(`    … and ${plural(rest, 'more place')} (--all-places lists them)`);
  }
  for (const [code, n] of shown) {
    if (n > perCode) out.push(`… and ${n - perCode} more ${code} (${plural(n, 'finding')} in all; --max-diagnostics N shows up to N of each code)`);
  }
  if (diagnostics.length) out.push('', summaryLine(groups));
  return out.join('\n');
}

/** `2 errors, 5 warnings, 1 info (8 findings in 31 places)`: findings count causes. */
export function summaryLine(groups: FindingGroup[]): string {
  const { causes, places } = countFindings(groups);
  const counts = `${plural(causes.error, 'error')}, ${plural(causes.warning, 'warning')}, ${plural(causes.info, 'info')}`;
  return places === groups.length ? counts : `${counts} (${plural(groups.length, 'finding')} in ${plural(places, 'place')})`;
}

export function location(span: Span): string {
  return `${span.file}:${span.line}:${span.column}`;
}

function codeFrame(span: Span, line: string | undefined, paint: (code: string, text: string) => string): string[] {
  if (line === undefined) return [];
  const gutter = String(span.line);
  const visible = line.replace(/\t/g, ' ').replace(/\r$/, '');
  return [
    `  ${paint(COLORS.dim, `${gutter} |`)} ${visible}`,
    `  ${' '.repeat(gutter.length)} ${paint(COLORS.dim, '|')} ${' '.repeat(Math.max(0, span.column - 1))}${paint(COLORS.bold, '^')}`,
  ];
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    (a.span?.file ?? '').localeCompare(b.span?.file ?? '') || (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.column ?? 0) - (b.span?.column ?? 0));
}

export function plural(n: number, word: string): string {
  if (n === 1 || word === 'info') return `${n} ${word}`;
  return `${n} ${/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : word.endsWith('x') ? `${word}es` : `${word}s`}`;
}
