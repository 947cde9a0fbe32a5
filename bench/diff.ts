// schemadoc diff of two versions of a generated document that differ in 1% of their tables
// (a column added to each), next to reading the two documents alone (`schemadoc sql` of
// each); each a fresh process, with its peak memory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDocument } from './generate.js';
import { CLI, timed, type CommandTiming } from './realsql.js';

const PEAK = fileURLToPath(new URL('./peak-memory.js', import.meta.url));

export interface DiffTimings {
  diff: CommandTiming;
  /** `schemadoc sql` of each version, one after the other. */
  read: CommandTiming[];
}

/** Version 2: every hundredth table gains a column. */
export function changedVersion(markdown: string): string {
  return markdown.replace(/CREATE TABLE (table_(\d+)) \(\n/g, (line, _name, i) => (Number(i) % 100 === 7 ? `${line}    note text,\n` : line));
}

export function timeDiff(tables: number): DiffTimings {
  const work = mkdtempSync(join(tmpdir(), 'schemadoc-bench-diff-'));
  try {
    const { markdown } = generateDocument(tables);
    const [a, b] = [join(work, 'v1.md'), join(work, 'v2.md')];
    writeFileSync(a, markdown);
    writeFileSync(b, changedVersion(markdown));
    const read = [a, b].map((doc) => timed(process.execPath, ['--import', PEAK, CLI, 'sql', doc], true));
    const diff = timed(process.execPath, ['--import', PEAK, CLI, 'diff', a, b, '--format', 'sql', '-o', join(work, 'plan.sql')], true);
    return { diff, read };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
