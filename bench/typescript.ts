// schemadoc generate of every TypeScript target for the 1,000-table document, each a fresh
// process with its peak memory, and tsc --strict --noEmit of what it wrote, next to tsc of the
// same tables as kysely-codegen writes them (kysely-codegen run against a server database the
// document was applied to, when a server is named; else our kysely target read as it reads one).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDocument } from './generate.js';
import { CLI, timed, withDatabase, type CommandTiming } from './realsql.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PEAK = fileURLToPath(new URL('./peak-memory.js', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const KYSELY_CODEGEN = join(ROOT, 'node_modules', 'kysely-codegen', 'dist', 'cli', 'bin.js');
export const TARGETS = ['types', 'kysely', 'zod', 'drizzle'] as const;

export interface TypeScriptTimings {
  generate: Record<(typeof TARGETS)[number], CommandTiming>;
  /** tsc of the four files together, and of the kysely target alone. */
  tscOurs: CommandTiming;
  tscKysely: CommandTiming;
  /** tsc of the kysely-codegen file, and how it was written. */
  tscTheirs: CommandTiming;
  theirs: string;
  /** kysely-codegen's own run against the server database, and ours with --scratch-db there, when there is one. */
  kyselyCodegen?: CommandTiming;
  onServer?: CommandTiming;
}

const tsc = (files: string[]) => timed(process.execPath, ['--import', PEAK, TSC, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--types', 'node', ...files], true);

export async function timeTypeScript(tables: number, serverUrl: string | undefined): Promise<TypeScriptTimings> {
  // Inside the project, so that kysely, zod and drizzle-orm resolve from its node_modules.
  const work = join(ROOT, 'node_modules', '.cache', 'schemadoc-bench-typescript');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const doc = join(work, 'schema.md');
    writeFileSync(doc, generateDocument(tables).markdown);
    const generate = Object.fromEntries(TARGETS.map((t) => [t, timed(process.execPath, ['--import', PEAK, CLI, 'generate', t, doc, '-o', join(work, `${t}.ts`)], true)])) as TypeScriptTimings['generate'];
    const tscOurs = tsc(TARGETS.map((t) => join(work, `${t}.ts`)));
    const tscKysely = tsc([join(work, 'kysely.ts')]);
    const theirsFile = join(work, 'kysely-codegen.ts');
    let kyselyCodegen: CommandTiming | undefined;
    let onServer: CommandTiming | undefined;
    let theirs = 'our kysely target with --like kysely-codegen (no server named)';
    if (serverUrl) {
      kyselyCodegen = await withDatabase(serverUrl, (url) => {
        timed(process.execPath, [CLI, 'apply', doc, '--db', url], false);
        return timed(process.execPath, ['--import', PEAK, KYSELY_CODEGEN, '--dialect', 'postgres', '--url', url, '--out-file', theirsFile], true);
      });
      theirs = 'written by kysely-codegen from the applied database';
      onServer = await withDatabase(serverUrl, (url) =>
        timed(process.execPath, ['--import', PEAK, CLI, 'generate', 'kysely', doc, '--scratch-db', url, '-o', join(work, 'kysely-server.ts')], true));
    } else {
      timed(process.execPath, [CLI, 'generate', 'kysely', doc, '--like', 'kysely-codegen', '-o', theirsFile], false);
    }
    return { generate, tscOurs, tscKysely, tscTheirs: tsc([theirsFile]), theirs, ...(kyselyCodegen ? { kyselyCodegen } : {}), ...(onServer ? { onServer } : {}) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
