// Long work tells how far it has got on a terminal, and writes nothing anywhere else.
import { afterEach, describe, expect, it } from 'vitest';
import { compileDocuments } from '../../src/compile.js';
import { openDatabase } from '../../src/pg/database.js';
import { applyStatements } from '../../src/pg/apply.js';
import { emitStatements } from '../../src/pg/emit.js';
import { progressLine } from '../../src/report/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('the progress line', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('rewrites one line of a terminal and clears it at the end', () => {
    delete process.env.CI;
    const { written, stream: tty } = stream(true);
    const line = progressLine(tty);
    line.update('statements applied', 500, 1000);
    line.update('statements applied', 1000, 1000);
    line.end();
    expect(written).toEqual([
      '\r\x1b[2Kstatements applied: 500 of 1000 (50%)',
      '\r\x1b[2Kstatements applied: 1000 of 1000 (100%)',
      '\r\x1b[2K',
    ]);
  });

  it('says what is being done where there is nothing to count', () => {
    delete process.env.CI;
    const { written, stream: tty } = stream(true);
    const line = progressLine(tty);
    line.phase('reading 1 document (4.1 MB)');
    line.end();
    expect(written).toEqual(['\r\x1b[2Kreading 1 document (4.1 MB)…', '\r\x1b[2K']);
    const pipe = stream(false);
    progressLine(pipe.stream).phase('reading 1 document (4.1 MB)');
    expect(pipe.written).toEqual([]);
  });

  it('writes nothing when the output is not a terminal, in CI, or for short work', () => {
    delete process.env.CI;
    const pipe = stream(false);
    progressLine(pipe.stream).update('statements applied', 500, 1000);
    const short = stream(true);
    progressLine(short.stream).update('statements applied', 10, 20);
    process.env.CI = 'true';
    const inCi = stream(true);
    progressLine(inCi.stream).update('statements applied', 500, 1000);
    for (const s of [pipe, short, inCi]) expect(s.written).toEqual([]);
  });
});

it('apply tells how many statements have run, as they run', async () => {
  const sql = Array.from({ length: 600 }, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY);`).join('\n');
  const { schema } = await compileDocuments([{ file: 'many.md', text: `# Many\n\n\`\`\`sql\n${sql}\n\`\`\`\n` }]);
  const db = await openDatabase({ dataDir: 'memory://' });
  const told: number[][] = [];
  try {
    const outcome = await applyStatements(db, emitStatements(schema), { progress: (_what, done, total) => told.push([done, total]) });
    expect(outcome.ok).toBe(true);
  } finally {
    await db.close();
  }
  expect(told).toEqual([[500, 600], [600, 600]]);
});
