import type { Diagnostic } from '../schema/diagnostic.js';
import { formatJson } from '../report/json.js';
import { formatPretty } from '../report/pretty.js';
import { UsageError } from './usage.js';

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
