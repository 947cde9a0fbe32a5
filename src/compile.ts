// The front half of the pipeline: documents → fragments → one merged Schema.
import { merge } from './merge/merge.js';
import { attachChangeDirectives } from './merge/change-directives.js';
import { readChangeDirectives } from './read/change-directives.js';
import { INDEX_OF_PAGES, prepareReaders, readDocument, type DocumentInput } from './read/document.js';
import { withoutSuppressed, type Diagnostic, type Suppression } from './schema/diagnostic.js';
import type { Schema } from './schema/model.js';

export interface Compilation {
  schema: Schema;
  diagnostics: Diagnostic[];
  suppressions: Suppression[];
}

export async function compileDocuments(documents: DocumentInput[]): Promise<Compilation> {
  await prepareReaders();
  const fragments = [];
  const diagnostics: Diagnostic[] = [];
  const suppressions: Suppression[] = [];
  for (const document of documents) {
    const reading = await readDocument(document);
    fragments.push(...reading.fragments);
    diagnostics.push(...reading.diagnostics);
    suppressions.push(...reading.suppressions);
  }
  const merged = merge(fragments);
  diagnostics.push(...attachChangeDirectives(merged.schema, documents.flatMap((d) => readChangeDirectives(d.text, d.file))));
  // An index of tables (a tbls README) checked with the pages it lists: the schema is theirs.
  const withPages = documents.length > 1 && merged.schema.tables.length > 0;
  const read = withPages ? diagnostics.filter((d) => !(d.code === 'SD100' && d.cause === INDEX_OF_PAGES)) : diagnostics;
  return { schema: merged.schema, diagnostics: withoutSuppressed([...read, ...merged.diagnostics], suppressions), suppressions };
}
