// The front half of the pipeline: documents → fragments → one merged Schema.
import { merge } from './merge/merge.js';
import { attachChangeDirectives } from './merge/change-directives.js';
import { readChangeDirectives } from './read/change-directives.js';
import { prepareReaders, readDocument, type DocumentInput } from './read/document.js';
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
  return { schema: merged.schema, diagnostics: withoutSuppressed([...diagnostics, ...merged.diagnostics], suppressions), suppressions };
}
