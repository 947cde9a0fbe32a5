// The parts of a document that schemadoc wrote, marked by HTML comments. A part written from
// the rest of its own document (`docs DOC --update`) says again what that rest says: it is
// not read, or the document would define each of its objects twice. A part written from a
// database (`pull`) is the document itself, and is read.

export const GENERATED_START = '<!-- schemadoc:generated:start -->';
/** The start of a part written from the rest of its own document. */
export const DERIVED_START = '<!-- schemadoc:generated:start from the rest of this document -->';
export const GENERATED_END = '<!-- schemadoc:generated:end -->';

/**
 * Marks a diagram schemadoc drew from its document's SQL: it says nothing the SQL does not, and
 * names some tables only approximately (Mermaid has no quoting), so readers pass over it.
 */
export const DRAWN_FROM_SQL = '%% drawn by schemadoc from the SQL of this document';

/** Where the part schemadoc wrote starts and ends (past its end marker); undefined if there is none. */
export function generatedRange(text: string): { start: number; end: number; derived: boolean } | undefined {
  const derived = text.indexOf(DERIVED_START);
  const start = derived >= 0 ? derived : text.indexOf(GENERATED_START);
  if (start < 0) return undefined;
  const end = text.indexOf(GENERATED_END, start);
  return { start, end: end < 0 ? text.length : end + GENERATED_END.length, derived: derived >= 0 };
}

/** The text with its generated part blanked, line for line, so that what is left keeps its lines. */
export function withoutGenerated(text: string): string {
  const range = generatedRange(text);
  if (!range) return text;
  return text.slice(0, range.start) + text.slice(range.start, range.end).replace(/[^\n]/g, '') + text.slice(range.end);
}

/** What a document's readers read: all of it, but a part written from the rest of it. */
export function authoredText(text: string): string {
  return text.includes(DERIVED_START) ? withoutGenerated(text) : text;
}
