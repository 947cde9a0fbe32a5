// What a PostgreSQL reviewer would find in the first users' documents, each at its line.
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { closeScratchDatabases } from '../../src/check/execute.js';
import type { Diagnostic } from '../../src/schema/diagnostic.js';
import { formatPretty } from '../../src/report/pretty.js';
import { allSeeds, readSeed, seedPath } from '../helpers/documents.js';
import { readFileSync } from 'node:fs';

afterAll(closeScratchDatabases);

async function checkSeed(prefix: string): Promise<Diagnostic[]> {
  return (await checkDocuments([{ file: seedPath(prefix), text: readSeed(prefix) }])).diagnostics;
}

/** `SD503 505` for each finding: code and line. */
function at(diagnostics: Diagnostic[], code: string): number[] {
  return diagnostics.filter((d) => d.code === code).map((d) => d.span!.line);
}

describe('check on the seeds', () => {
  it('seed 000: SET NULL on NOT NULL, the Cartesian view, redundant indexes, the reserved name, its own conventions; no syntax errors', async () => {
    const found = await checkSeed('000');
    expect(found.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.span!.line}`)).toEqual(['SD503 505']);
    expect(found.find((d) => d.code === 'SD503')!.message).toMatch(/community\.creator_id is NOT NULL, but its foreign key says ON DELETE SET NULL/);
    expect(at(found, 'SD513')).toEqual([567]);
    expect(found.find((d) => d.code === 'SD513')!.span!.column).toBe(19);
    expect(at(found, 'SD512')).toEqual([595]);
    // uq_user_email makes ix_user_email redundant; the unique (user_id, market_id) makes ix_user_market_user_id redundant.
    expect(at(found, 'SD502')).toEqual(expect.arrayContaining([98, 123, 169, 203]));
    expect(found.find((d) => d.code === 'SD502' && d.span!.line === 98)!.related![0]!.span.line).toBe(95);
    expect(at(found, 'SD505')).toEqual([84]);
    // "Foreign keys follow the pattern `{table_name}_id`" (line 14): collection_id, comparison_id and creator_id break it
    // (follower_id and followed_id both refer to user: their names say their roles).
    const naming = found.filter((d) => d.code === 'SD603');
    expect(naming.map((d) => d.span!.line)).toEqual([424, 461, 505]);
    expect(naming.every((d) => d.related?.[0]?.span.line === 14)).toBe(true);
    expect(found.some((d) => ['SD101', 'SD400', 'SD220'].includes(d.code))).toBe(false);
  });

  it('seed 004: MySQL inline indexes and the folded userId', async () => {
    const found = await checkSeed('004');
    expect(at(found, 'SD104')).toEqual(expect.arrayContaining([432, 433, 434, 498, 499, 500]));
    const folded = found.find((d) => d.code === 'SD221')!;
    expect(folded.span!.line).toBe(157);
    expect(folded.message).toMatch(/folds the unquoted name to lower case, but the column is "userId"/);
    // PostgreSQL's own refusal of the same index is not reported a second time.
    expect(found.filter((d) => d.span?.line === 157 && d.severity === 'error')).toHaveLength(1);
  });

  it('seed 002: pseudo-SQL policies and calls to functions that are never defined', async () => {
    const found = await checkSeed('002');
    expect(at(found, 'SD105')).toEqual([483, 487, 491, 499, 502, 505, 508, 516, 526, 529]);
    expect(at(found, 'SD224')).toEqual([491]);
    const call = found.find((d) => d.code === 'SD220' && d.span!.line === 545)!;
    expect(call.message).toBe('the example calls public.is_admin(), which the document describes by its signature but never defines');
    expect(call.related![0]!.span.line).toBe(319);
    expect(found.some((d) => d.code === 'SD220' && /column "tablename" does not exist/.test(d.message))).toBe(true);
  });

  it('seed 003: an example that reads a table the document never defines', async () => {
    const found = await checkSeed('003');
    const missing = found.find((d) => d.code === 'SD220')!;
    expect(missing.span!.line).toBe(185);
    expect(missing.message).toMatch(/relation "resources" does not exist/);
  });

  it('checks every seed without a crash, each finding at a line of its file', async () => {
    for (const file of allSeeds()) {
      const { diagnostics } = await checkDocuments([{ file, text: readFileSync(file, 'utf8') }]);
      const lines = readFileSync(file, 'utf8').split('\n').length;
      for (const d of diagnostics) expect(d.span!.line).toBeLessThanOrEqual(lines);
    }
  });
});

/**
 * The seeds' findings before findings were grouped by cause and style rules waited for the
 * document's convention (code:line, the style rules' left out), and how many lines the pretty
 * report of each had then.
 */
const BEFORE: Record<string, { prettyLines: number; findings: string[] }> = JSON.parse(readFileSync(new URL('./seed-findings.json', import.meta.url), 'utf8'));

describe('check on the seeds: signal over noise', () => {
  it.each(Object.keys(BEFORE))('%s keeps every finding it had, in at most half as many lines', async (name) => {
    const file = allSeeds().find((f) => f.endsWith(name))!;
    const text = readFileSync(file, 'utf8');
    const { diagnostics } = await checkDocuments([{ file, text }]);
    const found = new Set(diagnostics.map((d) => `${d.code}:${d.span?.line}`));
    expect(BEFORE[name]!.findings.filter((f) => !found.has(f))).toEqual([]);
    // The command prints the report, then its "Checked …" line.
    const lines = formatPretty(diagnostics, { color: false, sources: new Map([[file, text]]) }).split('\n').length + 2;
    expect(lines).toBeLessThanOrEqual(BEFORE[name]!.prettyLines / 2);
  });
});
