// Documents are checked together: every pair of the seeds and corpus documents, in both
// orders, merges into one schema without a crash.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/merge/merge.js';
import { prepareReaders, readDocument, type DocumentReading } from '../../src/read/document.js';
import { allSeeds, CORPUS_DIR } from '../helpers/documents.js';

const documents = [...allSeeds(), ...readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => CORPUS_DIR + f)];

describe('documents merged in pairs', () => {
  it(`merges each of ${documents.length * (documents.length - 1)} ordered pairs`, async () => {
    await prepareReaders();
    // Read once each; merge changes what it is given, so each pair gets copies.
    const readings: DocumentReading[] = [];
    for (const path of documents) readings.push(await readDocument({ file: path, text: readFileSync(path, 'utf8') }));
    const failures: string[] = [];
    for (let a = 0; a < documents.length; a++) {
      for (let b = 0; b < documents.length; b++) {
        if (a === b) continue;
        try {
          const { schema } = merge([...structuredClone(readings[a]!.fragments), ...structuredClone(readings[b]!.fragments)]);
          expect(schema.tables.length).toBeGreaterThanOrEqual(0);
        } catch (error) {
          failures.push(`${documents[a]} + ${documents[b]}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('merges a column table, then the SQL and a diagram of the same table, from two documents', async () => {
    await prepareReaders();
    const a = await readDocument({ file: 'a.md', text: '# A\n\n### users\n\n| column | type |\n|---|---|\n| id | uuid |\n| email | text |\n' });
    const b = await readDocument({ file: 'b.md', text: '# B\n\n```sql\nCREATE TABLE users (id uuid PRIMARY KEY, email text);\n```\n\n```mermaid\nerDiagram\n  User {\n    uuid id PK\n    string email\n  }\n```\n' });
    for (const fragments of [[...a.fragments, ...b.fragments], [...structuredClone(b.fragments), ...structuredClone(a.fragments)]]) {
      expect(merge(fragments).schema.tables.map((t) => t.name)).toEqual(['users']);
    }
  });
});
