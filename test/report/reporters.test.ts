import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { RULES } from '../../src/check/rules/index.js';
import type { Diagnostic } from '../../src/schema/diagnostic.js';
import { formatGithub } from '../../src/report/github.js';
import { formatPretty } from '../../src/report/pretty.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { readSeed, seedPath } from '../helpers/documents.js';

const require = createRequire(import.meta.url);
afterAll(closeScratchDatabases);

async function seed004() {
  return (await checkDocuments([{ file: seedPath('004'), text: readSeed('004') }])).diagnostics;
}

describe('reporters', () => {
  it('SARIF of seed 004 validates against the SARIF 2.1.0 JSON schema', async () => {
    const diagnostics = await seed004();
    const sarif = JSON.parse(formatSarif(diagnostics, RULES.map((r) => r.meta), '0.1.0'));
    const ajv = new Ajv({ schemaId: 'id', allErrors: true });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    expect(validate(sarif), ajv.errorsText(validate.errors)).toBe(true);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(diagnostics.length);
    const folded = results.find((r: { ruleId: string }) => r.ruleId === 'SD221');
    expect(folded.level).toBe('error');
    expect(folded.locations[0].physicalLocation.region.startLine).toBe(157);
    expect(sarif.runs[0].tool.driver.rules[folded.ruleIndex].id).toBe('SD221');
  });

  it('JSON has exactly the documented shape, 1-based lines and columns', async () => {
    const report = JSON.parse(formatJson(await seed004()));
    expect(Object.keys(report)).toEqual(['diagnostics', 'summary']);
    expect(Object.keys(report.summary)).toEqual(['errors', 'warnings', 'infos', 'findings', 'places']);
    for (const d of report.diagnostics) {
      expect(Object.keys(d).filter((k) => k !== 'fix')).toEqual(['code', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'related', 'group']);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      for (const r of d.related) expect(Object.keys(r)).toEqual(['file', 'line', 'column', 'message']);
    }
    const errors = report.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length;
    expect(report.summary.errors).toBe(errors);
  });

  it('GitHub annotations escape what the workflow-command syntax reserves', () => {
    const text = formatGithub([{
      code: 'SD501', severity: 'warning', message: 'a: 100% b\nc', fix: 'x, y',
      span: { file: 'docs/a,b.md', line: 3, column: 5, source: 'sql' },
    }, { code: 'SD504', severity: 'info', message: 'note', span: { file: 'a.md', line: 1, column: 1, source: 'sql' } }]);
    const [notice, warning, summary] = text.split('\n');
    expect(warning).toBe('::warning file=docs/a%2Cb.md,line=3,col=5,title=SD501::a: 100%25 b%0Ac%0Afix: x, y');
    expect(notice).toBe('::notice file=a.md,line=1,col=1,title=SD504::note');
    expect(summary).toBe('0 errors, 1 warning, 1 info');
  });
});

describe('pretty output of many findings', () => {
  const text = Array.from({ length: 300 }, (_, i) => `line ${i} [placeholder]`).join('\n');
  const findings = Array.from({ length: 250 }, (_, i): Diagnostic => ({
    code: 'SD130', severity: 'warning', message: `placeholder ${i}`, span: { file: 'big.md', line: i + 1, column: 8, source: 'prose' },
  }));

  it('shows 100 findings of a code, with their lines, and counts the rest in one line', () => {
    const out = formatPretty([...findings, { code: 'SD101', severity: 'error', message: 'bad' }], { color: false, sources: new Map([['big.md', text]]) });
    expect(out.match(/warning SD130/g)).toHaveLength(100);
    expect(out).toContain('big.md:100:8 warning SD130 placeholder 99\n  100 | line 99 [placeholder]');
    expect(out).toContain('… and 150 more SD130 (250 findings in all; --max-diagnostics N shows up to N of each code)');
    expect(out).toContain('error SD101 bad');
    expect(out).toMatch(/1 error, 250 warnings, 0 info$/);
  });

  it('shows as many as asked', () => {
    const out = formatPretty(findings, { color: false, sources: new Map([['big.md', text]]), perCode: 3 });
    expect(out.match(/warning SD130/g)).toHaveLength(3);
    expect(out).toContain('… and 247 more SD130');
  });
});
