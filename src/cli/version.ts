import { readFileSync } from 'node:fs';

/** schemadoc's own version, from its package.json. */
export function packageVersion(): string {
  return JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
}
