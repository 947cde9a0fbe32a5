// npm run fixtures: copies the shared documents the tests read (the seeds, the corpus and
// the real SQL files, with their manifests) into test/fixtures, so that the tests run in
// any clone. Run it when ../shared changes, and commit the copies.
import { chmodSync, cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const COPIED = ['seeds', 'corpus', 'realsql'];

if (!existsSync(SHARED)) {
  console.error(`refresh-fixtures: ${SHARED} does not exist; the fixtures are left as they are`);
  process.exit(2);
}
for (const folder of COPIED) {
  rmSync(FIXTURES + folder, { recursive: true, force: true });
  cpSync(SHARED + folder, FIXTURES + folder, { recursive: true });
  // ../shared is read-only; the copies are the project's own files.
  for (const entry of readdirSync(FIXTURES + folder, { recursive: true })) {
    const path = `${FIXTURES}${folder}/${entry}`;
    chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  }
  chmodSync(FIXTURES + folder, 0o755);
  console.log(`test/fixtures/${folder} ← ${SHARED}${folder}`);
}
