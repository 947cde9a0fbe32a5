// One side of a diff, as the canonical model: documents (run in the scratch database and read
// back), a document at a git revision, a server, an embedded database directory, or nothing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { compileDocuments, type Compilation } from '../compile.js';
import { openDatabase, EnvironmentError } from '../pg/database.js';
import { holdsDatabase } from '../pg/data-dir.js';
import { schemasOf } from '../pg/existing.js';
import { introspect } from '../pg/introspect/introspect.js';
import type { DocumentInput } from '../read/document.js';
import type { Diagnostic } from '../schema/diagnostic.js';
import { emptySchema, type Schema } from '../schema/model.js';
import { emitStatements, type DdlStatement } from '../pg/emit.js';
import { usesSupabase } from '../schema/supabase.js';
import { canonicalSchema, refusals } from './canonical.js';
import { changedParts } from './changed-part.js';

export type SideSpec =
  | { kind: 'empty' }
  | { kind: 'database'; url?: string; dataDir?: string }
  | { kind: 'documents'; documents: DocumentInput[] };

export interface Side {
  schema: Schema;
  /** For messages: `docs/schema.md`, `the embedded database in .schemadoc/db`. */
  description: string;
  /** Where the documents' SQL fails: what failed is missing, so nothing exact can be planned. */
  errors: Diagnostic[];
  sources: Map<string, string>;
}

/** `empty`, a postgres:// URL or keyword/value string, an embedded database directory, `git:REV:path`, or documents. */
export function sideSpec(text: string, readDocuments: (paths: string[]) => DocumentInput[]): SideSpec {
  if (text === 'empty') return { kind: 'empty' };
  if (/^postgres(ql)?:\/\//i.test(text) || /^\s*[a-z_]+\s*=/i.test(text)) return { kind: 'database', url: text };
  if (existsSync(text) && holdsDatabase(text)) return { kind: 'database', dataDir: text };
  const git = /^git:([^:]+):(.+)$/.exec(text);
  if (git) return { kind: 'documents', documents: [{ file: `${git[1]}:${git[2]}`, text: gitShow(git[1]!, git[2]!) }] };
  // Several documents: `a.md,b.md`.
  return { kind: 'documents', documents: readDocuments(existsSync(text) ? [text] : text.split(',')) };
}

function gitShow(revision: string, path: string): string {
  try {
    return execFileSync('git', ['show', `${revision}:${path.replace(/^\.\//, './')}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (error) {
    const message = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new EnvironmentError(`cannot read ${path} at ${revision} from git: ${message}`);
  }
}

export interface ReadSideOptions {
  /** The schemas to read from a database; default the documents' (or every one). */
  schemas?: string[];
  scratchUrl?: string;
  prelude?: DocumentInput[];
}

/**
 * Both sides, where both are documents: only the part of each that the other does not share is
 * run and read back (see changed-part.ts); if that part does not run by itself, both run whole.
 */
export async function readDocumentSides(from: DocumentsSpec, to: DocumentsSpec, options: ReadSideOptions = {}): Promise<[Side, Side]> {
  const [a, b] = [await compileDocuments(from.documents), await compileDocuments(to.documents)];
  const parts = usesSupabase(a.schema) || usesSupabase(b.schema) ? undefined : changedParts(emitStatements(a.schema), emitStatements(b.schema));
  if (parts) {
    const sides = [await documentSide(from, a, options, parts[0]), await documentSide(to, b, options, parts[1])] as [Side, Side];
    if (!sides.some((s) => s.errors.length)) return sides;
  }
  return [await documentSide(from, a, options), await documentSide(to, b, options)];
}

export type DocumentsSpec = Extract<SideSpec, { kind: 'documents' }>;

async function documentSide(spec: DocumentsSpec, compiled: Compilation, options: ReadSideOptions, statements?: DdlStatement[]): Promise<Side> {
  const sources = new Map(spec.documents.map((d) => [d.file, d.text]));
  const canonical = await canonicalSchema(compiled.schema, sources, {
    ...(options.schemas ? { schemas: [...new Set([...schemasOf(compiled.schema), ...options.schemas])] } : {}),
    ...(options.scratchUrl ? { url: options.scratchUrl } : {}),
    ...(options.prelude ? { prelude: options.prelude } : {}),
    ...(statements ? { statements } : {}),
  });
  return { schema: canonical.schema, description: spec.documents.map((d) => d.file).join(', '), errors: refusals(canonical), sources };
}

export async function readSide(spec: SideSpec, options: ReadSideOptions = {}): Promise<Side> {
  switch (spec.kind) {
    case 'empty':
      return { schema: emptySchema(), description: 'an empty database', errors: [], sources: new Map() };
    case 'database': {
      const db = await openDatabase(spec.url ? { url: spec.url } : { dataDir: spec.dataDir! });
      try {
        const read = await introspect(db, options.schemas ? { schemas: options.schemas } : {});
        return { schema: read.schema, description: db.description, errors: [], sources: new Map() };
      } finally {
        await db.close().catch(() => {});
      }
    }
    case 'documents':
      return documentSide(spec, await compileDocuments(spec.documents), options);
  }
}
