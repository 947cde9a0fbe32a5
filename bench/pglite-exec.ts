// The bare baseline of an embedded database: a fresh process that opens PGlite, in memory
// (`memory`, initialised by initdb as PGlite does) or in an existing directory, and runs a file.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const [where, file] = [process.argv[2]!, process.argv[3]!];
const db = await PGlite.create(where === 'memory' ? {} : { dataDir: where });
await db.exec(readFileSync(file, 'utf8'));
await db.close();
