// Field lists: a table's columns written as bullets, in the forms people write:
//   - `id` (Integer, Primary Key)          - email: text, unique, not null
//   - price — numeric(10,2), must be positive   - owner_id → accounts.id (uuid)
//   - `created_at` timestamptz default now()    - name String @unique
// Each item becomes a row of a table of columns (name, type, constraints, description),
// read as column tables are; an item that names no type is reported, not made a column.
import type { Diagnostic } from '../schema/diagnostic.js';
import { isTypeCell } from './column-cells.js';
import { plain, splitCell } from './column-vocabulary.js';
import type { Located, MarkdownTable } from './markdown.js';

/** Labels that introduce a list of fields: `**Fields:**`, `Columns:`, `Attributes:` … */
export const FIELDS_LABEL = /^(fields|columns|attributes|properties|campos|champs|felder|spalten|поля|столбцы|字段|欄位|フィールド|カラム|alanlar|trường|kolom|kolumny)$/u;
const NAME = '[\\p{L}_][\\p{L}\\p{N}_]*';

export interface Field { name: string; type: string; constraints: string; description: string }

/** The name and what is said of it; undefined when the item does not start with a name. */
function split(text: string): Field | undefined {
  const item = text.replace(/\*\*/g, '').trim();
  const name = new RegExp(`^\`?(${NAME})\`?`, 'u').exec(item);
  if (!name) return undefined;
  let rest = item.slice(name[0].length).trim();
  let description = '';
  // `owner_id → accounts.id (uuid)`: a reference, the type in parentheses.
  const arrow = new RegExp(`^(?:→|->)\\s*\`?(${NAME}(?:\\.${NAME})?)\`?\\s*(?:\\(([^()]*)\\))?(.*)$`, 'u').exec(rest);
  if (arrow) {
    return arrow[2] && isTypeCell(arrow[2])
      ? { name: name[1]!, type: arrow[2], constraints: `references ${arrow[1]}`, description: arrow[3]!.replace(/^\s*[-–—:]\s*/, '') }
      : undefined;
  }
  // `(Integer, Primary Key) - Hashed password`
  const parens = /^\(((?:[^()]|\([^()]*\))*)\)\s*(?:[-–—:]\s*)?(.*)$/.exec(rest);
  if (parens) {
    rest = parens[1]!;
    description = parens[2]!;
  } else {
    rest = rest.replace(/^(?::|[-–—])\s*/, '');
  }
  // `String: 'PENDING', 'COMPLETED'`: the type, then the values it allows.
  const values = /^([^:,()]+(?:\([^)]*\))?):\s*('(?:[^']|'')*'(?:\s*,\s*'(?:[^']|'')*')+)\s*$/.exec(rest);
  if (values && isTypeCell(values[1]!)) return { name: name[1]!, type: values[1]!, constraints: `CHECK (${values[2]})`, description };
  const parts = splitCell(rest);
  // `timestamptz default now()`, `String @unique`: the first words are the type.
  const first = parts[0] ?? '';
  const type = isTypeCell(first) ? first : /^(\S+(?:\([^)]*\))?)\s+(.*)$/.exec(first);
  if (typeof type === 'string') return { name: name[1]!, type, constraints: parts.slice(1).join(', '), description };
  if (type && isTypeCell(type[1]!)) {
    return { name: name[1]!, type: type[1]!, constraints: [type[2]!.replace(/@/g, ''), ...parts.slice(1)].join(', '), description };
  }
  // `(PK, Auto-increment)`: a key that is generated is an integer.
  if (parts.some((p) => /^(pk|primary key)$/i.test(p)) && parts.some((p) => /^auto[-_ ]?increment$/i.test(p))) {
    return { name: name[1]!, type: 'integer', constraints: parts.join(', '), description };
  }
  return undefined;
}

/** Words after the type that say more of it: `max 100` (a length), `10 digits, 2 decimals`. */
function shaped(field: Field): Field {
  const words = splitCell(field.constraints);
  const length = words.map((w) => /^max(?:imum)?\s*(?:length\s*)?(\d+)$/i.exec(w)?.[1]).find(Boolean);
  const digits = words.map((w) => /^(\d+)\s*digits$/i.exec(w)?.[1]).find(Boolean);
  const decimals = words.map((w) => /^(\d+)\s*decimals?$/i.exec(w)?.[1]).find(Boolean);
  const kept = words.filter((w) => !/^max(?:imum)?\s*(?:length\s*)?\d+$|^\d+\s*digits$|^\d+\s*decimals?$/i.test(w));
  let type = field.type;
  if (length && !/\(/.test(type)) type = `${type}(${length})`;
  if (digits && !/\(/.test(type)) type = `${type}(${digits}${decimals ? `, ${decimals}` : ''})`;
  return { ...field, type, constraints: kept.join(', ') };
}

/** An item as a field: its name, type, constraints and description; undefined when it names no type. */
export function readField(text: string): Field | undefined {
  const field = split(text);
  return field && shaped(field);
}

/** An item of a field list that names no field: reported, never made a column. */
export function notAField(item: Located, file: string): Diagnostic {
  return {
    code: 'SD124', severity: 'warning', cause: 'not a field', span: { file, line: item.line, column: item.column, source: 'bullets' },
    message: `not read as a field of the list (a name, then its type): "${plain(item.text)}"`,
  };
}

/**
 * The list as a table of columns (the rows at the items' places), from each item's field as
 * `readField` read it, and what could not be read. `file` for the diagnostics.
 */
export function fieldListAsTable(
  items: Located[], fields: (Field | undefined)[], headingPath: string[], line: number, file: string,
): { table: MarkdownTable; diagnostics: Diagnostic[] } {
  const rows: Located[][] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, item] of items.entries()) {
    const field = fields[i];
    if (!field) {
      diagnostics.push(notAField(item, file));
      continue;
    }
    const { name, type, constraints, description } = field;
    const at = (text: string): Located => ({ text, line: item.line, column: item.column });
    rows.push([at(name), at(type), at(constraints), at(description)]);
  }
  const header = ['Column', 'Type', 'Constraints', 'Description'].map((text) => ({ text, line, column: 1 }));
  return { table: { kind: 'table', line, headingPath, header, rows }, diagnostics };
}
