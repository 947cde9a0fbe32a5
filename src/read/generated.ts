// The parts of a document that schemadoc wrote, marked by HTML comments. A part written from
// the rest of its own document (`docs DOC --update`) says again what that rest says: it is
// not read, or the document would define each of its objects twice. A part written from a
// database (`pull`) is the document itself, and is read.

export const GENERATED_START = '<!-- schemadoc:generated:start -->';
const FROM_THE_REST = ' from the rest of this document';
/** The start of a part written from the rest of its own document; `name` for a part the author placed. */
export const derivedStart = (name?: string) => `<!-- schemadoc:generated:start${name ? ` ${name}` : ''}${FROM_THE_REST} -->`;
export const GENERATED_END = '<!-- schemadoc:generated:end -->';

/**
 * Marks a diagram schemadoc drew from its document's SQL: it says nothing the SQL does not, and
 * names some tables only approximately (Mermaid has no quoting), so readers pass over it.
 */
export const DRAWN_FROM_SQL = '%% drawn by schemadoc from the SQL of this document';

/**
 * A part the author placed, named for what goes in it: `<!-- schemadoc:generated:start diagram -->`
 * (or `tables`, `table public.users`, `views`, `types`, `sequences`, `functions`, `sql`), then the
 * end marker. `docs DOC --update` fills each with that part of the document it writes.
 */
const START = /<!-- schemadoc:generated:start(?: ((?!from )[a-z]+(?: (?!from )[^\s>]+)?))?( from the rest of this document)? -->/g;

export interface GeneratedPart {
  start: number;
  /** Past its end marker. */
  end: number;
  /** Written from the rest of its own document: not read. */
  derived: boolean;
  /** What the author placed it for; undefined for the whole document. */
  name?: string;
}

/** The parts schemadoc wrote (or the author placed for it), in order. */
export function generatedParts(text: string): GeneratedPart[] {
  if (!text.includes('schemadoc:generated:start')) return [];
  const parts: GeneratedPart[] = [];
  for (const m of text.matchAll(START)) {
    if (parts.length && m.index! < parts[parts.length - 1]!.end) continue;
    const end = text.indexOf(GENERATED_END, m.index!);
    parts.push({ start: m.index!, end: end < 0 ? text.length : end + GENERATED_END.length, derived: Boolean(m[2]), ...(m[1] ? { name: m[1] } : {}) });
  }
  return parts;
}

/** Where the whole part schemadoc wrote starts and ends (past its end marker); undefined if there is none. */
export function generatedRange(text: string): GeneratedPart | undefined {
  return generatedParts(text).find((p) => p.name === undefined);
}

/** The text with its generated parts blanked, line for line, so that what is left keeps its lines. */
export function withoutGenerated(text: string, only: (part: GeneratedPart) => boolean = () => true): string {
  let out = text;
  for (const part of generatedParts(text).filter(only).reverse()) {
    out = out.slice(0, part.start) + out.slice(part.start, part.end).replace(/[^\n]/g, '') + out.slice(part.end);
  }
  return out;
}

/** What a document's readers read: all of it, but the parts written from the rest of it. */
export function authoredText(text: string): string {
  return text.includes(`${FROM_THE_REST} -->`) ? withoutGenerated(text, (p) => p.derived) : text;
}
