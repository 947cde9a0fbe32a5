// A new embedded database takes ~3 s to initialise (initdb). schemadoc does that once per PGlite
// version, into the user's cache directory, and every new database starts from that template:
// a new `--data-dir` as a copy of it (~0.15 s) run in memory and written through to disk,
// `check`'s scratch database and `memory://` as the template loaded into memory.
import {
  closeSync, cpSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ChangeSet, MemfsFrontendFS, StorageEntry } from '@electric-sql/pglite/memfs-frontend';

/** Where this PGlite version's template lives; undefined when unknown. */
function cacheDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    let dir = dirname(require.resolve('@electric-sql/pglite'));
    while (!dir.endsWith('pglite') && dir !== dirname(dir)) dir = dirname(dir);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const cache = process.env.SCHEMADOC_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'schemadoc');
    return join(cache, `pglite-${version}`);
  } catch {
    return undefined;
  }
}

/** Where the template is, or is made; undefined when that cannot be known. */
export function templateDirectory(): string | undefined {
  const cache = cacheDir();
  return cache && join(cache, 'template');
}

/**
 * The template's directory, made with `initialise` (which creates a database in the directory it
 * is given and closes it) the first time; undefined when the cache cannot be written.
 */
export async function template(initialise: (dir: string) => Promise<void>): Promise<string | undefined> {
  const dir = templateDirectory();
  if (!dir) return undefined;
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const cache = dirname(dir);
  let partial: string | undefined;
  try {
    mkdirSync(cache, { recursive: true });
    partial = mkdtempSync(join(cache, 'template-'));
    await initialise(partial);
    // Two processes may make it at once: the first rename wins and the other's copy is dropped.
    renameSync(partial, dir);
    return dir;
  } catch {
    if (partial) rmSync(partial, { recursive: true, force: true });
    return existsSync(join(dir, 'PG_VERSION')) ? dir : undefined;
  }
}

/**
 * The template as a database in memory that keeps nothing: `check`'s scratch database (its work
 * is always rolled back) and `memory://`. PGlite runs it on its in-memory filesystem, which
 * creates a table five times faster than files on disk do.
 */
export async function inMemory(templateDir: string): Promise<MemfsFrontendFS> {
  const { MemfsFrontendFS } = await import('@electric-sql/pglite/memfs-frontend');
  return new MemfsFrontendFS({
    async init() {},
    load: () => entries(templateDir, ''),
    async apply() {},
    async close() {},
  });
}

/**
 * A new data directory, run in memory and written through to disk after every statement: the
 * template is copied there first, then what PostgreSQL changes is written, WAL first and the
 * control file last. Through PGlite's own files on disk, creating a table takes five times
 * longer. (A directory that already holds a database is opened on disk: it may be larger than
 * memory.)
 */
export async function writtenThrough(templateDir: string, dir: string): Promise<MemfsFrontendFS> {
  cpSync(templateDir, dir, { recursive: true });
  const { MemfsFrontendFS } = await import('@electric-sql/pglite/memfs-frontend');
  return new MemfsFrontendFS({
    async init() {},
    load: () => entries(dir, ''),
    async apply(changes) {
      write(dir, changes);
    },
    async close() {},
  });
}

function write(dir: string, { ops, files }: ChangeSet): void {
  for (const { op, path } of ops) {
    if (op === 'mkdir') mkdirSync(join(dir, path), { recursive: true });
    else rmSync(join(dir, path), { recursive: true, force: true });
  }
  for (const file of [...files.wal, ...files.data, ...files.control]) {
    const path = join(dir, file.path);
    const fd = openSync(path, existsSync(path) ? 'r+' : 'w');
    try {
      if (file.truncate) ftruncateSync(fd, file.size);
      for (const { at, data } of file.chunks) writeSync(fd, data, 0, data.length, at);
    } finally {
      closeSync(fd);
    }
  }
}

/** The directory's entries, parents before their children, with paths from its root. */
async function* entries(root: string, path: string): AsyncGenerator<StorageEntry> {
  for (const entry of readdirSync(join(root, path), { withFileTypes: true })) {
    const child = `${path}/${entry.name}`;
    if (entry.isDirectory()) {
      yield { kind: 'dir', path: child };
      yield* entries(root, child);
    } else {
      yield { kind: 'file', path: child, data: readFileSync(join(root, child)) };
    }
  }
}
