// The bare baseline of reading a SQL file: a fresh process that loads libpg-query and parses it.
import { readFileSync } from 'node:fs';
import { loadModule, parseSync } from 'libpg-query';

await loadModule();
parseSync(readFileSync(process.argv[2]!, 'utf8'));
