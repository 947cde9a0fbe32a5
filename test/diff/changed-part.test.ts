// Two versions of a large document run only the part that differs (and what it touches), and
// the plan from that part is the plan from running both versions whole.
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { changedParts } from '../../src/diff/changed-part.js';
import { planChanges } from '../../src/diff/plan/plan.js';
import { readDocumentSides, readSide } from '../../src/diff/sides.js';
import { emitStatements } from '../../src/pg/emit.js';
import { changedVersion } from '../../bench/diff.js';
import { generateDocument } from '../../bench/generate.js';

afterAll(closeScratchDatabases);

const before = generateDocument(200).markdown;
// Every hundredth table gains a column; and a view over one of them, whose column changes type.
const view = '\n## Report\n\n```sql\nCREATE VIEW big AS SELECT id, amount FROM table_150;\n```\n';
const after = changedVersion(before).replace('amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),\n    status text NOT NULL DEFAULT \'active\' CHECK (status IN (\'active\', \'archived\')),\n    tags text[] NOT NULL DEFAULT \'{}\',\n    metadata jsonb NOT NULL DEFAULT \'{}\'::jsonb,\n    created_at timestamptz NOT NULL DEFAULT now(),\n    updated_at timestamptz,\n    CONSTRAINT uq_table_150_code', 'amount numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),\n    status text NOT NULL DEFAULT \'active\' CHECK (status IN (\'active\', \'archived\')),\n    tags text[] NOT NULL DEFAULT \'{}\',\n    metadata jsonb NOT NULL DEFAULT \'{}\'::jsonb,\n    created_at timestamptz NOT NULL DEFAULT now(),\n    updated_at timestamptz,\n    CONSTRAINT uq_table_150_code') + view;
const docs = (text: string, file: string) => ({ kind: 'documents' as const, documents: [{ file, text }] });

describe('the part of two versions that differs', () => {
  it('is a small part of the whole, the same statements on both sides where they agree', async () => {
    const [a, b] = [await compileDocuments([{ file: 'v1.md', text: before + view }]), await compileDocuments([{ file: 'v2.md', text: after }])];
    const [whole, other] = [emitStatements(a.schema), emitStatements(b.schema)];
    const [partA, partB] = changedParts(whole, other)!;
    expect(partA.length).toBeLessThan(whole.length / 5);
    expect(partA.some((s) => s.sql.startsWith('CREATE VIEW big'))).toBe(true);
    const texts = new Set(partB.map((s) => s.sql));
    const shared = new Set(other.map((s) => s.sql));
    for (const s of partA) if (shared.has(s.sql)) expect(texts.has(s.sql), s.sql.slice(0, 40)).toBe(true);
  });

  it('gives the plan that running both versions whole gives', async () => {
    const [partFrom, partTo] = await readDocumentSides(docs(before + view, 'v1.md'), docs(after, 'v2.md'));
    const wholeFrom = await readSide(docs(before + view, 'v1.md'));
    const wholeTo = await readSide(docs(after, 'v2.md'));
    const described = (from: typeof partFrom, to: typeof partTo) => planChanges(from.schema, to.schema).changes.map((c) => [c.action, c.kind, c.name, c.statements]);
    const plan = described(partFrom, partTo);
    expect(plan).toEqual(described(wholeFrom, wholeTo));
    expect(plan.map(([action, kind, name]) => `${action} ${kind} ${name}`)).toEqual([
      'drop view big', 'create column table_107.note', 'alter column table_150.amount', 'create column table_7.note', 'create view big',
    ]);
  }, 120_000);
});
