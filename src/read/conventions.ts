// Conventions a document states for itself, in its prose: "Tables use snake_case, singular
// form", "Indexes follow the pattern `ix_{table}_{column(s)}`", "Timestamps include timezone".
// Each becomes a setting for `check`, remembered with the sentence that stated it.
import { normalizePattern } from '../schema/conventions.js';
import type { Convention, ConventionSettings, Span } from '../schema/model.js';
import type { Fragment } from './fragment.js';
import type { Located, MarkdownElement } from './markdown.js';

type Reader = (text: string) => Partial<ConventionSettings> | undefined;

/** A name pattern in code marks with a placeholder: `ix_{table}_{column(s)}`, `idx_<table>_<column>`. */
function patternIn(text: string): string | undefined {
  for (const [, code] of text.matchAll(/`([^`]+)`/g)) {
    if (/[{<][a-z_()0-9]+[}>]/i.test(code!)) return normalizePattern(code!);
  }
  return undefined;
}

const READERS: Reader[] = [
  (text) => {
    if (!/\btables?\b/i.test(text) || /\b(junction|join|pivot|many-to-many)\b/i.test(text)) return undefined;
    const found: Partial<ConventionSettings> = {};
    if (/\bsnake[_ ]case\b|lower ?case with underscores/i.test(text)) found.tableCase = 'snake_case';
    else if (/\bpascal ?case\b/i.test(text)) found.tableCase = 'PascalCase';
    else if (/\bcamel ?case\b/i.test(text)) found.tableCase = 'camelCase';
    if (/\bsingular\b/i.test(text) && !/\bnot singular\b/i.test(text)) found.tableNumber = 'singular';
    else if (/\bplural\b/i.test(text)) found.tableNumber = 'plural';
    return Object.keys(found).length ? found : undefined;
  },
  (text) => (/^\s*columns?\b.*\bsnake[_ ]case\b/i.test(text) ? { columnCase: 'snake_case' } : undefined),
  (text) => {
    if (!/\bunique\b/i.test(text) && /\bindex(es)?\b/i.test(text)) {
      const pattern = patternIn(text);
      return pattern ? { indexName: pattern } : undefined;
    }
    if (/\bunique constraints?\b/i.test(text)) {
      const pattern = patternIn(text);
      return pattern ? { uniqueName: pattern } : undefined;
    }
    return undefined;
  },
  (text) => {
    if (!/\bforeign keys?\b/i.test(text)) return undefined;
    const pattern = patternIn(text);
    if (pattern) return /\{table\}_id$|_id$/.test(pattern) ? { foreignKeyColumn: pattern } : { foreignKeyName: pattern };
    if (/\b(always|should|must)\b.*\bindex/i.test(text) || /\bindex(ed|es)?\b.*\b(all|every)\b/i.test(text)) return { indexForeignKeys: true };
    return undefined;
  },
  (text) => (/\b(always|should|must)\b.*\bindex(es)?\b.*\bforeign keys?\b/i.test(text) || /\bindex (all|every) foreign keys?\b/i.test(text)
    ? { indexForeignKeys: true } : undefined),
  (text) => {
    if (!/\bprimary keys?\b/i.test(text)) return undefined;
    const named = /\bnamed\s+`?([a-z_][a-z0-9_]*)`?/i.exec(text);
    if (named) return { primaryKeyColumn: named[1]! };
    // A rule for all keys ("UUIDs are used for primary keys", "All entities use UUID"), not one column's description.
    if (/\b(all|every)\b.*\buuids?\b|\buuids? (are|is) used\b|\bprimary keys (are|use)\b.*\buuids?\b/i.test(text)) return { primaryKeyType: 'uuid' };
    return undefined;
  },
  (text) => (/\btimestamps?\b.*\b(time ?zone|timestamptz|with tz)\b/i.test(text) && !/\bwithout\b/i.test(text)
    ? { timestampsWithTimeZone: true } : undefined),
  // "Time Zone: UTC", "All timestamps are stored in UTC": a document that fixes the zone wants instants.
  (text) => (/^\s*time ?zone\s*:\s*utc\b|\b(timestamps?|dates? and times?|times)\b.*\b(in|as) utc\b/i.test(text)
    ? { timestampsWithTimeZone: true } : undefined),
  (text) => (/\btext\b.*\b(variable[- ]length|preferred over|instead of|over|rather than)\b.*varchar|\bvarchar\b.*\b(avoid|not used)\b/i.test(text)
    || /\btext\b.*\bfor (all )?variable[- ]length (strings?|text|values)\b/i.test(text)
    ? { textOverVarchar: true } : undefined),
  (text) => (/\benums?\b.*\blower ?case\b/i.test(text) ? { enumValuesLowerCase: true } : undefined),
  (text) => (/\b(identity columns?|generated (always|by default) as identity)\b/i.test(text)
    && /\b(use[sd]?|prefer(red)?|always|instead of|rather than|over)\b/i.test(text) && !/\b(without|never)\b|\bnot (used|use)\b/i.test(text)
    ? { identityColumns: true } : undefined),
  (text) => (/\bforeign keys?\b|\breferences\b/i.test(text) && /\bon delete\b/i.test(text)
    && /\b(all|every|each|always|must|should|explicit(ly)?|specif(y|ies|ied)|declare[sd]?|state[sd]?)\b/i.test(text)
    ? { explicitOnDelete: true } : undefined),
];

/** The conventions stated in a document's lists and paragraphs. */
export function readConventions(elements: MarkdownElement[], file: string): Fragment[] {
  const fragments: Fragment[] = [];
  for (const element of elements) {
    if (element.kind === 'list') for (const item of element.items) readConvention(item, file, fragments);
    else if (element.kind === 'paragraph' && element.text.length < 400) readConvention(element, file, fragments);
  }
  return fragments;
}

// A function of the module, not a closure per document: its optimized code outlives a full collection.
function readConvention(at: Located, file: string, fragments: Fragment[]): void {
  const text = at.text.replace(/\*\*/g, '');
  const settings = new Set<string>();
  for (const reader of READERS) {
    const found = reader(text);
    if (!found) continue;
    const span: Span = { file, line: at.line, column: at.column, source: 'prose' };
    for (const [setting, value] of Object.entries(found)) {
      if (settings.has(setting)) continue;
      settings.add(setting);
      fragments.push({ kind: 'convention', convention: { setting, value, statement: at.text.trim(), spans: [span] } as Convention });
    }
  }
}
