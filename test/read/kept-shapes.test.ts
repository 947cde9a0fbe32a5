// The sample whose reading is kept alive must go on exercising the readers' common paths:
// a sample that stopped reading cleanly would keep nothing worth keeping.
import { describe, expect, it } from 'vitest';
import { prepareReaders, readDocument } from '../../src/read/document.js';
import { SAMPLE_DOCUMENT } from '../../src/read/kept-shapes.js';
import { definedTables } from '../../src/read/fragment.js';
import { readMarkdown } from '../../src/read/markdown.js';

describe('the kept sample', () => {
  it('reads without a finding into tables (SQL and a column table), indexes, an enum, a view and a comment', async () => {
    await prepareReaders();
    const reading = await readDocument({ file: 'sample.md', text: SAMPLE_DOCUMENT });
    expect(reading.diagnostics).toEqual([]);
    const kinds = reading.fragments.flatMap((f) => (f.kind === 'script' ? f.fragments.map((i) => i.kind) : [f.kind]));
    for (const kind of ['table', 'index', 'enum', 'view', 'comment'] as const) {
      expect(kinds, kind).toContain(kind);
    }
    const tableSources = definedTables(reading.fragments).map((t) => t.spans[0]?.source);
    expect(tableSources.sort()).toEqual(['column-table', 'sql', 'sql']);
  });

  it('has its SQL in more than one block, as large documents do (they are parsed together)', () => {
    expect(readMarkdown(SAMPLE_DOCUMENT).blocks.filter((b) => b.lang === 'sql').length).toBeGreaterThan(1);
  });
});
