// The front half of the pipeline: documents → fragments → one merged Schema.
import { merge } from './merge/merge.js';
import { prepareReaders, readDocument, type DocumentInput } from './read/document.js';
import type { Diagnostic } from './schema/diagnostic.js';
import type { Schema } from './schema/model.js';

export interface Compilation {
  schema: Schema;
  diagnostics: Diagnostic[];
}

export async function compileDocuments(documents: DocumentInput[]): Promise<Compilation> {
  await prepareReaders();
  const fragments = [];
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    const reading = await readDocument(document);
    fragments.push(...reading.fragments);
    diagnostics.push(...reading.diagnostics);
  }
  const merged = merge(fragments);
  return { schema: merged.schema, diagnostics: [...diagnostics, ...merged.diagnostics] };
}
