// SARIF 2.1.0, the format GitHub code scanning (and other CI) reads.
import type { Diagnostic, Severity } from '../schema/diagnostic.js';
import type { Span } from '../schema/model.js';
import { groupFindings } from './group.js';

export interface RuleDescription {
  code: string;
  name: string;
  summary: string;
  severity: Severity;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(diagnostics: Diagnostic[], rules: RuleDescription[], version: string): string {
  const groups = groupFindings(diagnostics);
  const placed = groups.flatMap((g) => g.places.map((d) => ({ d, group: g.id })));
  const sorted = placed.map((p) => p.d);
  const known = new Map(rules.map((r) => [r.code, r]));
  const used = [...new Set(sorted.map((d) => d.code))].sort();
  const descriptors = used.map((code) => {
    const rule = known.get(code);
    const first = sorted.find((d) => d.code === code)!;
    return {
      id: code,
      ...(rule ? { name: rule.name } : {}),
      shortDescription: { text: rule?.summary ?? first.message },
      ...(rule ? { help: { text: `See docs/rules/${code}.md in schemadoc.` } } : {}),
      defaultConfiguration: { level: LEVEL[rule?.severity ?? first.severity] },
    };
  });
  // One result per place (code scanning annotates each); the places of one cause share a
  // partial fingerprint and a `group` property.
  const results = placed.map(({ d, group }) => ({
    ruleId: d.code,
    ruleIndex: used.indexOf(d.code),
    level: LEVEL[d.severity],
    message: { text: d.fix ? `${d.message}. Fix: ${d.fix}` : d.message },
    ...(d.span ? { locations: [location(d.span)] } : {}),
    ...(d.related?.length ? {
      relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.span), message: { text: r.message } })),
    } : {}),
    properties: { group },
  }));
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'schemadoc', version, informationUri: 'https://www.npmjs.com/package/schemadoc', rules: descriptors } },
      results,
    }],
  }, null, 2);
}

function location(span: Span) {
  return {
    physicalLocation: {
      artifactLocation: { uri: span.file.replace(/\\/g, '/').replace(/^\.\//, '') },
      region: {
        startLine: span.line,
        startColumn: span.column,
        ...(span.endLine ? { endLine: span.endLine } : {}),
        ...(span.endColumn && (span.endLine ?? span.line) >= span.line ? { endColumn: span.endColumn } : {}),
      },
    },
  };
}
