// Every new embedded database starts from the template in the cache directory: a new data
// directory as a copy of it, a scratch or memory:// database loaded from it into memory, which
// keeps nothing.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openScratchDatabase } from '../../src/pg/database.js';

const tables = `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`;

describe('embedded databases start from the template', () => {
  let cache: string;
  const previous = process.env.SCHEMADOC_CACHE_DIR;
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'schemadoc-cache-'));
    process.env.SCHEMADOC_CACHE_DIR = cache;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.SCHEMADOC_CACHE_DIR;
    else process.env.SCHEMADOC_CACHE_DIR = previous;
    rmSync(cache, { recursive: true, force: true });
  });

  it('makes the template once, and a new data directory is a copy of it that keeps what is created', async () => {
    const dir = join(cache, 'project-db');
    const db = await openDatabase({ dataDir: dir });
    await db.exec('CREATE TABLE kept (id int)');
    await db.close();
    const [version] = readdirSync(cache).filter((name) => name.startsWith('pglite-'));
    expect(readdirSync(join(cache, version!, 'template'))).toContain('PG_VERSION');
    expect(readdirSync(join(cache, version!))).toEqual(['template']);

    const again = await openDatabase({ dataDir: dir });
    expect((await again.query<{ n: number }>(tables))[0]!.n).toBe(1);
    await again.close();
  });

  it('gives every scratch and memory:// database the template as it is, keeping nothing of the one before', async () => {
    const first = await openScratchDatabase([]);
    await first.exec('CREATE TABLE left_behind (id int)');
    await first.close();
    const second = await openDatabase({ dataDir: 'memory://' });
    expect(second.description).toBe('a temporary embedded database');
    expect((await second.query<{ n: number }>(tables))[0]!.n).toBe(0);
    await second.close();
  });
});

describe('without a usable cache directory', () => {
  it('still opens a database, initialising it in place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemadoc-nocache-'));
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, '');
    const previous = process.env.SCHEMADOC_CACHE_DIR;
    process.env.SCHEMADOC_CACHE_DIR = file;
    try {
      const db = await openDatabase({ dataDir: 'memory://' });
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await db.close();
    } finally {
      if (previous === undefined) delete process.env.SCHEMADOC_CACHE_DIR;
      else process.env.SCHEMADOC_CACHE_DIR = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
