import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileDocuments, type Compilation } from '../../src/compile.js';

/** The first users' documents live beside the project, in ../shared/seeds. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
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
