import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileDocuments, type Compilation } from '../../src/compile.js';

/** Copies of the shared documents (`npm run fixtures` refreshes them). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The first users' documents. */
export const SEEDS_DIR = `${FIXTURES_DIR}seeds/`;
/** Real Markdown schema documents from public projects. */
export const CORPUS_DIR = `${FIXTURES_DIR}corpus/`;
export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));

export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${SEEDS_DIR}`);
  return SEEDS_DIR + name;
}

export function allSeeds(): string[] {
  return readdirSync(SEEDS_DIR).sort().map((f) => SEEDS_DIR + f);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

/** Compiles a small document written for a test. */
export function compile(markdown: string, file = 'test.md'): Promise<Compilation> {
  return compileDocuments([{ file, text: markdown }]);
}

/** Wraps SQL in a fenced block. */
export function sqlDoc(sql: string): string {
  return `# Test\n\n\`\`\`sql\n${sql}\n\`\`\`\n`;
}
