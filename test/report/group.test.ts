// One finding per cause: findings of one code and one cause are shown once, with their places.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules/index.js';
import type { Diagnostic } from '../../src/schema/diagnostic.js';
import { formatGithub } from '../../src/report/github.js';
import { groupFindings } from '../../src/report/group.js';
import { formatJson } from '../../src/report/json.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatSarif } from '../../src/report/sarif.js';

const text = Array.from({ length: 20 }, (_, i) => `  name${i} varchar(80),`).join('\n');
const sources = new Map([['doc.md', text]]);
const varchar = (line: number): Diagnostic => ({
  code: 'SD507', severity: 'warning', cause: 'SD507', message: `t.name${line - 1} is varchar(80)`, fix: 'text',
  span: { file: 'doc.md', line, column: 9, source: 'sql' },
});
const undefinedCall = (line: number, name: string): Diagnostic => ({
  code: 'SD220', severity: 'error', message: `the example calls ${name}(), which the document never defines`,
  span: { file: 'doc.md', line, column: 3, source: 'sql' },
});
const findings = [varchar(7), varchar(2), varchar(12), varchar(5), varchar(9), undefinedCall(3, 'f'), undefinedCall(4, 'g')];

describe('findings grouped by cause', () => {
  it('groups one code and one cause, in document order; a finding without a cause stands alone', () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.id, g.places.map((p) => p.span!.line)])).toEqual([
      ['SD507-1', [2, 5, 7, 9, 12]], ['SD220-1', [3]], ['SD220-2', [4]],
    ]);
  });

  it('pretty: the first place in full, the next two one line each, and how many more', () => {
    const out = formatPretty(findings, { color: false, sources });
    expect(out).toContain([
      'doc.md:2:9 warning SD507 t.name1 is varchar(80)',
      '  2 |   name1 varchar(80),',
      '    |         ^',
      '    fix: text',
      '    also doc.md:5:9: t.name4 is varchar(80)',
      '    also doc.md:7:9: t.name6 is varchar(80)',
      '    … and 2 more places (--all-places lists them)',
    ].join('\n'));
    expect(out.match(/error SD220/g)).toHaveLength(2);
    expect(out).toMatch(/\n2 errors, 1 warning, 0 info \(3 findings in 7 places\)$/);
  });

  it('pretty with allPlaces lists every place', () => {
    const out = formatPretty(findings, { color: false, sources, allPlaces: true });
    expect(out).toContain('    also doc.md:12:9: t.name11 is varchar(80)');
    expect(out).not.toContain('more (--all-places');
  });

  it('json, sarif and github keep one result per place, with the group', () => {
    const json = JSON.parse(formatJson(findings));
    expect(json.diagnostics).toHaveLength(7);
    expect(json.diagnostics.filter((d: { group: string }) => d.group === 'SD507-1')).toHaveLength(5);
    expect(json.summary).toEqual({ errors: 2, warnings: 5, infos: 0, findings: 3, places: 7 });
    const sarif = JSON.parse(formatSarif(findings, RULES.map((r) => r.meta), '0.1.0'));
    expect(sarif.runs[0].results).toHaveLength(7);
    expect(sarif.runs[0].results[0].properties).toEqual({ group: 'SD507-1' });
    const github = formatGithub(findings).split('\n');
    expect(github).toHaveLength(8);
    expect(github[0]).toContain('title=SD507 (1 of 5%2C SD507-1)');
    expect(github.at(-1)).toBe('2 errors, 1 warning, 0 info (3 findings in 7 places)');
  });
});
