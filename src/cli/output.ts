import type { Diagnostic } from '../schema/diagnostic.js';
import { formatGithub } from '../report/github.js';
import { formatJson } from '../report/json.js';
import { formatPretty, type PrettyOptions } from '../report/pretty.js';
import { formatSarif, type RuleDescription } from '../report/sarif.js';
import { UsageError } from './usage.js';
import { packageVersion } from './version.js';

export type Format = 'pretty' | 'json';

export function parseFormat(value: string | undefined): Format {
  if (value === undefined || value === 'pretty' || value === 'json') return value ?? 'pretty';
  throw new UsageError(`unknown --format ${value}: use pretty or json`);
}

/** Diagnostics go to stderr in pretty form (stdout in JSON form, which is the command's output). */
export function report(diagnostics: Diagnostic[], format: Format, sources: Map<string, string>, extra?: Record<string, unknown>): void {
  if (format === 'json') {
    process.stdout.write(formatJson(diagnostics, extra) + '\n');
  } else if (diagnostics.length) {
    process.stderr.write(formatPretty(diagnostics, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR, sources }) + '\n');
  }
}

/** The formats of a report that CI reads: check's and verify's. */
export const REPORT_FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function parseReportFormat(value: string | undefined): ReportFormat {
  const format = (value ?? 'pretty') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`unknown --format ${value}: use ${REPORT_FORMATS.join(', ')}`);
  return format;
}

/** A report in a machine format, or the pretty findings (which the command follows with its summary). */
export function formatReport(
  diagnostics: Diagnostic[], format: ReportFormat, rules: RuleDescription[],
  pretty: PrettyOptions,
): string {
  switch (format) {
    case 'json': return formatJson(diagnostics);
    case 'sarif': return formatSarif(diagnostics, rules, packageVersion());
    case 'github': return formatGithub(diagnostics);
    default: return formatPretty(diagnostics, pretty);
  }
}
