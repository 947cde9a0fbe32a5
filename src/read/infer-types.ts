// Documents that name columns but give no types (a logical model, a list of names). Without
// --infer-types each such table or list is one finding that says so; with it, a draft: each
// column's type guessed from its name, every guess a warning at its line.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Located, MarkdownTable } from './markdown.js';
import { plain } from './column-vocabulary.js';

/** What --infer-types does, in the words of the finding that suggests it. */
export const INFERENCE = '`*_id` and `id` → bigint, `*_at` → timestamptz, `is_*`/`has_*` → boolean, otherwise text';

/** A column name alone, with at most key words: `id`, `` `user_id` ``, `fitsFileId (Primary Key)`. */
const NAME_ONLY = /^`?([\p{L}_][\p{L}\p{N}_]*)`?\s*(?:\(\s*((?:pk|fk|primary key|foreign key|unique|not null|required|optional|nullable)(?:\s*,\s*(?:pk|fk|primary key|foreign key|unique|not null|required|optional|nullable))*)\s*\))?\s*$/iu;

export function nameOnly(text: string): { name: string; keys: string } | undefined {
  const m = NAME_ONLY.exec(plain(text));
  return m ? { name: m[1]!, keys: m[2] ?? '' } : undefined;
}

export function inferredType(column: string): string {
  const name = column.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  if (name === 'id' || name.endsWith('_id')) return 'bigint';
  if (name.endsWith('_at') || name.endsWith('_on')) return 'timestamptz';
  if (/^(is|has|can|should)_/.test(name)) return 'boolean';
  return 'text';
}

/**
 * The names as a table of columns with guessed types (`inferTypes`), or the one finding that
 * says the names have no types. `rows` are the column names with where each is written.
 */
export function namesWithoutTypes(
  names: { name: string; keys: string; at: Located }[], tableName: string, line: number, headingPath: string[], file: string, inferTypes: boolean,
): { table?: MarkdownTable; diagnostics: Diagnostic[] } {
  if (!inferTypes) {
    return {
      table: undefined,
      diagnostics: [{
        code: 'SD125', severity: 'warning', cause: 'names without types', span: { file, line, column: 1, source: 'prose' },
        message: `${tableName} is described by its column names (${names.slice(0, 4).map((n) => n.name).join(', ')}${names.length > 4 ? ', …' : ''}) `
          + 'but no types, so schemadoc creates no table from it',
        fix: `add the types, or run with --infer-types for a draft (${INFERENCE})`,
      }],
    };
  }
  const header = ['Column', 'Type', 'Constraints'].map((text) => ({ text, line, column: 1 }));
  const rows = names.map(({ name, keys, at }) => [{ ...at, text: name }, { ...at, text: inferredType(name) }, { ...at, text: keys || (name === 'id' ? 'PK' : '') }]);
  return {
    table: { kind: 'table', line, headingPath, header, rows },
    diagnostics: names.map(({ name, at }) => ({
      code: 'SD126', severity: 'warning', cause: 'inferred type', span: { file, line: at.line, column: at.column, source: 'prose' },
      message: `${tableName}.${name} has no type in the document; --infer-types made it ${inferredType(name)}`,
    })),
  };
}
