// Large documents are read on two threads; the worker sends its readings back as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../bench/generate.js';
import { merge } from '../../src/merge/merge.js';
import { prepareReaders } from '../../src/read/document.js';
import { readMarkdown } from '../../src/read/markdown.js';
import { readSqlGroup, type ReadResult } from '../../src/read/sql/blocks.js';
import { allSeeds, CORPUS_DIR, REPO_DIR } from '../helpers/documents.js';

const documents = [...allSeeds(), ...readdirSync(CORPUS_DIR).sort().map((f) => CORPUS_DIR + f)];

/** Every 64 code blocks of a document, as the reader groups them. */
function groupsOf(text: string) {
  const { blocks } = readMarkdown(text);
  const groups = [];
  for (let i = 0; i < blocks.length; i += 64) groups.push(blocks.slice(i, i + 64));
  return groups;
}

describe('reading on two threads', () => {
  it.each(documents)('a reading sent as JSON is the same reading: %s', async (path) => {
    await prepareReaders();
    const readings = groupsOf(readFileSync(path, 'utf8')).map((group) => readSqlGroup(group, 'doc.md'));
    const sent = readings.map((r) => JSON.parse(JSON.stringify(r)) as ReadResult);
    expect(sent).toStrictEqual(readings);
    // Objects shared between fragments are copies after the trip: merging must not care.
    expect(merge(sent.flatMap((r) => r.fragments))).toStrictEqual(merge(readings.flatMap((r) => r.fragments)));
  });

  it('the worker reads some groups of a large document, and the result is the same as reading it all here', async () => {
    // The compiled modules: only they have a worker to start.
    const dist = `${REPO_DIR}dist/src/read/`;
    const { loadParser } = await import(`${dist}sql/parser.js`);
    const { readSqlGroup: readHere } = await import(`${dist}sql/blocks.js`);
    const { readGroups } = await import(`${dist}sql/threads.js`);
    await loadParser();
    const groups = groupsOf([generateDocument(1000).markdown, ...allSeeds().map((seed) => readFileSync(seed, 'utf8'))].join('\n'));
    const expected = groups.map((group) => readHere(group, 'big.md'));

    readGroups(groups, 'big.md', readHere); // starts the worker
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const readHereToo = new Set<number>();
    const results = readGroups(groups, 'big.md', (group: unknown, file: string) => {
      readHereToo.add(groups.indexOf(group as never));
      return readHere(group, file);
    });
    expect(readHereToo.size).toBeLessThan(groups.length);
    expect(results).toStrictEqual(expected);
  }, 60_000);
});
