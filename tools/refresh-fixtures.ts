// npm run fixtures: copies the shared documents the tests read (the seeds, the corpus, the
// real SQL files and the schema-change pairs, with their manifests) into test/fixtures, so that the tests run in
// any clone, and says what changed. Run it when ../shared changes, and commit the copies.
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const COPIED = ['seeds', 'corpus', 'realsql', 'schema-changes'];

/** A shared folder's README says where to read its files from; the project's copy says it is the copy the tests read. */
function asCopy(readme: string, folder: string): string {
  return readme.replace(
    /Tests and benchmarks read these files from `\.\.\/shared\/[\w-]+\/`(?:; do not copy them into the\s+project\.| or copy them into the project's\s+own fixtures with this manifest;)/,
    (said) => `This folder is schemadoc's copy of the shared ${folder} files, made by \`npm run fixtures\`; the tests read\nonly this copy${said.endsWith(';') ? ';' : '.'}`,
  );
}

/**
 * A document's code may import from its own project's `shared/` folder (`../../../shared/database/…`
 * in a NestJS service). No path in the copies may look like the shared folder the tests must not
 * read, so such an import names `common/` instead: schemadoc reads entity code, never its imports.
 */
function withoutSharedPaths(text: string): string {
  return text.replace(/(["'])((?:\.\.\/)+)shared\//g, '$1$2common/');
}

/** Every file below a folder, by its path inside it, with its contents. */
function files(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  if (!existsSync(folder)) return found;
  for (const entry of readdirSync(folder, { recursive: true }) as string[]) {
    const path = `${folder}/${entry}`;
    if (statSync(path).isFile()) found.set(entry, readFileSync(path));
  }
  return found;
}

if (!existsSync(SHARED)) {
  console.error(`refresh-fixtures: ${SHARED} does not exist; the fixtures are left as they are`);
  process.exit(2);
}
for (const folder of COPIED) {
  const before = files(FIXTURES + folder);
  rmSync(FIXTURES + folder, { recursive: true, force: true });
  cpSync(SHARED + folder, FIXTURES + folder, { recursive: true });
  // ../shared is read-only; the copies are the project's own files.
  for (const entry of readdirSync(FIXTURES + folder, { recursive: true })) {
    const path = `${FIXTURES}${folder}/${entry}`;
    chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  }
  chmodSync(FIXTURES + folder, 0o755);
  const readme = `${FIXTURES}${folder}/README.md`;
  if (existsSync(readme)) writeFileSync(readme, asCopy(readFileSync(readme, 'utf8'), folder));
  for (const entry of readdirSync(FIXTURES + folder, { recursive: true }) as string[]) {
    const path = `${FIXTURES}${folder}/${entry}`;
    if (!/\.(md|txt|sql)$/.test(entry) || !statSync(path).isFile()) continue;
    const text = readFileSync(path, 'utf8');
    if (withoutSharedPaths(text) !== text) writeFileSync(path, withoutSharedPaths(text));
  }
  const after = files(FIXTURES + folder);
  const added = [...after.keys()].filter((f) => !before.has(f));
  const removed = [...before.keys()].filter((f) => !after.has(f));
  const changed = [...after.keys()].filter((f) => before.has(f) && !before.get(f)!.equals(after.get(f)!));
  const summary = [added.length && `added ${added.join(', ')}`, removed.length && `removed ${removed.join(', ')}`, changed.length && `changed ${changed.join(', ')}`]
    .filter(Boolean).join('; ');
  console.log(`test/fixtures/${folder}: ${summary || 'unchanged'}`);
}
