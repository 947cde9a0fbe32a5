// A fresh embedded database starts in ~3 s, most of it initdb. A new database (in memory, as
// `check`'s, or in a new directory, as apply's first) starts instead from a snapshot of a freshly
// initialised one, kept in the user's cache directory: ~1 s. It is written once per PGlite version.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

function snapshotFile(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    let dir = dirname(require.resolve('@electric-sql/pglite'));
    while (!dir.endsWith('pglite') && dir !== dirname(dir)) dir = dirname(dir);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const cache = process.env.SCHEMADOC_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'schemadoc');
    return join(cache, `pglite-${version}.tgz`);
  } catch {
    return undefined;
  }
}

/** The snapshot, if one was saved. */
export function readSnapshot(): Blob | undefined {
  const file = snapshotFile();
  try {
    return file ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a just-initialised database as the snapshot; a cache that cannot be written is no error. */
export async function saveSnapshot(db: PGlite): Promise<void> {
  const file = snapshotFile();
  if (!file) return;
  try {
    const dump = await db.dumpDataDir('gzip');
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    // Next time starts from initdb again.
  }
}
