// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import { countBySeverity, type Diagnostic, type Severity } from '../schema/diagnostic.js';
import { plural, sortDiagnostics } from './pretty.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(diagnostics: Diagnostic[]): string {
  const lines = sortDiagnostics(diagnostics).map((d) => {
    const properties = [
      ...(d.span ? [`file=${d.span.file}`, `line=${d.span.line}`, `col=${d.span.column}`] : []),
      ...(d.span?.endLine ? [`endLine=${d.span.endLine}`] : []),
      ...(d.span?.endColumn && d.span.endLine === d.span.line ? [`endColumn=${d.span.endColumn}`] : []),
      `title=${d.code}`,
    ].map(escapeProperty);
    const related = (d.related ?? []).map((r) => `\n${r.span.file}:${r.span.line}:${r.span.column}: ${r.message}`).join('');
    return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(`${d.message}${d.fix ? `\nfix: ${d.fix}` : ''}${related}`)}`;
  });
  const counts = countBySeverity(diagnostics);
  lines.push(`${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`);
  return lines.join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `key=value`: the value also escapes the separators of the property list. */
function escapeProperty(property: string): string {
  const at = property.indexOf('=');
  return property.slice(0, at + 1) + escapeData(property.slice(at + 1)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
