// Every real schema file is valid PostgreSQL: check finds no error in any of them, on the
// embedded database (an extension it does not ship is one warning, and what needs it is not
// reported again) and on a server (--db), where the extensions are installed.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { embeddedHas } from '../../src/pg/database.js';
import { freshServerDatabase, SERVER_URL } from '../helpers/databases.js';
import { realSqlFiles, type RealSqlFile } from '../helpers/realsql.js';

afterAll(closeScratchDatabases);

/** The prelude a file needs, but Supabase's: schemadoc's own stand-in takes its place. */
function prelude(file: RealSqlFile) {
  return file.prelude.filter((p) => !p.endsWith('supabase.sql')).map((p) => ({ file: p, text: readFileSync(p, 'utf8') }));
}

function check(file: RealSqlFile, url?: string) {
  return checkDocuments([{ file: file.path, text: readFileSync(file.path, 'utf8') }], { prelude: prelude(file), ...(url ? { url } : {}) });
}

describe('check on real SQL, on the embedded database', () => {
  for (const file of realSqlFiles()) {
    it(file.file, async () => {
      const { diagnostics } = await check(file);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const unshipped = file.needs.filter((name) => !embeddedHas(name));
      expect(diagnostics.filter((d) => d.code === 'SD402').map((d) => /extension ([\w-]+)/.exec(d.message)?.[1])).toEqual(unshipped);
    }, 60_000);
  }
});

describe.skipIf(!SERVER_URL)('check on real SQL, on a server (--db)', () => {
  for (const file of realSqlFiles()) {
    it(file.file, async () => {
      const server = await freshServerDatabase();
      try {
        const { diagnostics, execution } = await check(file, server.url);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(diagnostics.filter((d) => d.code === 'SD402')).toEqual([]);
        expect(execution?.where).toMatch(/^a transaction on postgres:\/\/.*, rolled back$/);
      } finally {
        await server.dispose();
      }
    }, 60_000);
  }
});
