// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import type { Diagnostic, Severity } from '../schema/diagnostic.js';
import { groupFindings } from './group.js';
import { summaryLine } from './pretty.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One annotation per place; the title names the finding's group when it has several places. */
export function formatGithub(diagnostics: Diagnostic[]): string {
  const groups = groupFindings(diagnostics);
  const lines = groups.flatMap((g) => g.places.map((d, i) => {
    const properties = [
      ...(d.span ? [`file=${d.span.file}`, `line=${d.span.line}`, `col=${d.span.column}`] : []),
      ...(d.span?.endLine ? [`endLine=${d.span.endLine}`] : []),
      ...(d.span?.endColumn && d.span.endLine === d.span.line ? [`endColumn=${d.span.endColumn}`] : []),
      `title=${g.places.length > 1 ? `${d.code} (${i + 1} of ${g.places.length}, ${g.id})` : d.code}`,
    ].map(escapeProperty);
    const related = (d.related ?? []).map((r) => `\n${r.span.file}:${r.span.line}:${r.span.column}: ${r.message}`).join('');
    return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(`${d.message}${d.fix ? `\nfix: ${d.fix}` : ''}${related}`)}`;
  }));
  lines.push(summaryLine(groups));
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
