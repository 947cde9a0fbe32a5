// Every TypeScript target, for every seed, every corpus document that PostgreSQL accepts and
// every real SQL file, compiles with tsc --strict against the real kysely and zod packages.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { generateCode, TARGETS, type Target } from '../../src/generate/typescript/generate.js';
import { DEFAULT_CODE_OPTIONS, type CodeOptions } from '../../src/generate/typescript/options.js';
import type { Schema } from '../../src/schema/model.js';
import { SERVER_URL } from '../helpers/databases.js';
import { allSeeds, CORPUS_DIR } from '../helpers/documents.js';
import { canonicalOf, realSqlFiles } from '../helpers/realsql.js';
import { typeCheck } from '../helpers/typecheck.js';

afterAll(closeScratchDatabases);

const documents = [...allSeeds(), ...readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => CORPUS_DIR + f)];

/** The schemas generated from, by name; filled as each is read. */
const schemas = new Map<string, Schema>();

const VARIANTS: Partial<CodeOptions>[] = [{}, { casing: 'camel', bigint: 'bigint', numeric: 'number', dates: 'string', brand: true }];

function files(name: string, schema: Schema, variants = VARIANTS): Record<string, string> {
  const out: Record<string, string> = {};
  variants.forEach((variant, i) => {
    for (const target of Object.keys(TARGETS) as Target[]) {
      out[`${name}/${target}${i || ''}.ts`] = generateCode(target, schema, { ...DEFAULT_CODE_OPTIONS, ...variant, source: name });
    }
  });
  return out;
}

describe('generated TypeScript compiles with tsc --strict', () => {
  it.each(documents)('reads %s', async (path) => {
    const text = readFileSync(path, 'utf8');
    const { schema } = await compileDocuments([{ file: path, text }]);
    const canonical = await canonicalSchema(schema, new Map([[path, text]]));
    if (canonical.diagnostics.some((d) => d.severity === 'error') || canonical.schema.tables.length === 0) return;
    schemas.set(path.split('/').slice(-2).join('/'), canonical.schema);
  }, 60_000);

  it.skipIf(!SERVER_URL).each(realSqlFiles())('reads $file', async (file) => {
    const canonical = await canonicalOf(file);
    expect(canonical.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    schemas.set(`realsql/${file.file}`, canonical.schema);
  }, 120_000);

  it('covers every seed that runs and most of the corpus', () => {
    expect([...schemas.keys()].filter((k) => k.startsWith('seeds/')).map((k) => k.slice(6, 9))).toEqual(['000', '001', '002', '003']);
    expect([...schemas.keys()].filter((k) => k.startsWith('corpus/')).length).toBeGreaterThanOrEqual(18);
  });

  it('every target of every schema, with the default options and with the others', () => {
    const all: Record<string, string> = {};
    for (const [name, schema] of schemas) Object.assign(all, files(name.replace(/[^\w/]/g, '_'), schema));
    expect(typeCheck(all)).toEqual([]);
  }, 300_000);
});
