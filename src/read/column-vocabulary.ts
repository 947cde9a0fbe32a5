// The words people write in the cells of column tables, read as column facts.
import type { ReferentialAction } from '../schema/model.js';
import { ident, literal } from '../pg/quote.js';
import { parseOne } from './sql/ast.js';

export interface ForeignKeyFact {
  schema?: string;
  table: string;
  column?: string;
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
}

export interface ColumnFacts {
  primaryKey?: boolean;
  unique?: boolean;
  notNull?: boolean;
  default?: string;
  /** CHECK conditions as SQL over the column. */
  checks: string[];
  /** `CHECK` with no condition: the values are to be found in the description or a list. */
  checkWithoutCondition?: boolean;
  references?: ForeignKeyFact;
  /** `FK` with no table named. */
  foreignKeyWithoutTarget?: boolean;
  identity?: boolean;
  indexed?: boolean;
  /** Words that say nothing schemadoc can use, kept to be reported. */
  unread: string[];
}

export function emptyFacts(): ColumnFacts {
  return { checks: [], unread: [] };
}

/**
 * Type names that are not PostgreSQL types, from documentation and from the languages and
 * ORMs documents borrow them from (Java, Prisma, DBML, Django, SQLAlchemy, TypeScript), and
 * the PostgreSQL type each means. Lookup is by lower case.
 */
const TYPE_SYNONYMS: Record<string, string> = {
  // documentation words
  string: 'text', str: 'text', datetime: 'timestamp', 'date time': 'timestamp', long: 'bigint', number: 'numeric',
  double: 'double precision', blob: 'bytea', binary: 'bytea', guid: 'uuid', object: 'jsonb', dict: 'jsonb', map: 'jsonb',
  enum: 'text', email: 'text', url: 'text', any: 'jsonb', array: 'jsonb',
  // Java and Kotlin
  localdatetime: 'timestamp', localdate: 'date', localtime: 'time', instant: 'timestamptz', offsetdatetime: 'timestamptz',
  zoneddatetime: 'timestamptz', bigdecimal: 'numeric', short: 'smallint', byte: 'smallint',
  // Prisma and DBML
  bigint: 'bigint', bytes: 'bytea', json: 'json',
  // Django
  autofield: 'serial', bigautofield: 'bigserial', smallautofield: 'smallserial', charfield: 'varchar', textfield: 'text',
  slugfield: 'varchar(50)', emailfield: 'varchar(254)', urlfield: 'varchar(200)', integerfield: 'integer',
  bigintegerfield: 'bigint', smallintegerfield: 'smallint', positiveintegerfield: 'integer',
  positivebigintegerfield: 'bigint', positivesmallintegerfield: 'smallint', booleanfield: 'boolean',
  datetimefield: 'timestamptz', datefield: 'date', timefield: 'time', decimalfield: 'numeric', floatfield: 'double precision',
  uuidfield: 'uuid', jsonfield: 'jsonb', filefield: 'varchar(100)', imagefield: 'varchar(100)', richtextfield: 'text',
  genericipaddressfield: 'inet', durationfield: 'interval', binaryfield: 'bytea', foreignkey: 'bigint', onetoonefield: 'bigint',
  // SQLAlchemy and TypeScript
  largebinary: 'bytea', unicode: 'text', unicodetext: 'text',
};

const ACTION = '(set null|set default|cascade|restrict|no action)';
const IDENT = '[\\p{L}_][\\p{L}\\p{N}_$]*';

/** The cause of every "not a PostgreSQL type" reading: the document names types in another vocabulary. */
export const TYPE_VOCABULARY = 'type names of another vocabulary';

export interface TypeReading {
  /** The type as SQL, or undefined when nothing in the cell is a type. */
  sql?: string;
  /** The documentation word it was read from, when it was not a PostgreSQL type. */
  synonym?: string;
  /** Values of an `ENUM('a', 'b')` written as a type. */
  enumValues?: string[];
  /** Constraint words written in the type cell (`UUID PK`, `INTEGER (FK)`). */
  rest: string;
  /** A many-to-many field (`ManyToManyField → User`): a junction table, not a column. */
  manyToMany?: boolean;
}

export function readTypeCell(cell: string): TypeReading {
  let text = plain(cell);
  if (/^(manytomanyfield|taggablemanager|many ?to ?many|m2m)\b/i.test(text)) return { rest: '', manyToMany: true };
  // `FK → CustomUser`, `ForeignKey(User)`: the type cell names the reference; the key is a bigint.
  if (/^(fk|foreign ?key|onetoonefield|one ?to ?one)\b/i.test(text)) return { sql: 'bigint', rest: text.replace(/^(foreignkey|onetoonefield)\b/i, 'FK') };
  const enumMatch = /^enum\s*\((.*)\)$/i.exec(text);
  if (enumMatch) return { sql: 'text', enumValues: quotedValues(enumMatch[1]!), rest: '' };
  let rest = '';
  // Constraint words after the type: `UUID PK`, `INTEGER (FK)`, `TEXT NOT NULL`.
  const markers = /\s*[(,]?\s*\b(pk|fk|uk|primary key|foreign key|unique|not null|nullable|null|required|optional|references\b.*|default\b.*)\)?\s*$/i;
  for (let m = markers.exec(text); m && m.index > 0; m = markers.exec(text)) {
    rest = `${m[1]}, ${rest}`;
    text = text.slice(0, m.index).trim();
  }
  if (!text) return { rest };
  const array = /(\[\])+$/.exec(text)?.[0] ?? '';
  // Numeric modifiers are the type's (`String(150)`); other words in parentheses are remarks (`RichTextField (django-ckeditor)`).
  const withoutRemark = text.slice(0, text.length - array.length).replace(/\s*\((?!\s*\d)[^()]*\)\s*$/, '').trim();
  const [, base = '', modifiers = ''] = /^(.*?)\s*(\(\s*\d+\s*(?:,\s*\d+\s*)?\))?$/.exec(withoutRemark) ?? [];
  // `BIGINT`, `json`: a word that is already the PostgreSQL name is no synonym to report.
  const synonym = TYPE_SYNONYMS[base.toLowerCase()] === base.toLowerCase() ? undefined : TYPE_SYNONYMS[base.toLowerCase()];
  if (!synonym) return { sql: modifiers ? text : withoutRemark + array, rest };
  // `String(150)` (SQLAlchemy, Django) is a varchar of that length.
  const sql = modifiers ? (synonym === 'text' ? `varchar${modifiers}` : `${synonym}${modifiers}`) : synonym;
  return { sql: sql + array, synonym: text, rest };
}

/** Splits a cell at commas, semicolons and `<br>` that are not inside parentheses or quotes. */
export function splitCell(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  const text = plain(cell).replace(/<br\s*\/?>/gi, ';');
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === ';') && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts.filter((p) => p && !/^[-–—✗✘x]$/i.test(p));
}

/** Reads the words of a Constraints, Key, or similar cell into `facts`. */
export function readConstraintWords(cell: string, column: string, facts: ColumnFacts): void {
  for (const word of splitCell(cell)) readConstraintWord(word, column, facts);
}

function readConstraintWord(word: string, column: string, facts: ColumnFacts): void {
  const w = word.trim();
  let m: RegExpExecArray | null;
  if (/^(primary key|primary|pk)$/i.test(w)) facts.primaryKey = true;
  else if (/^(pk\s*[,/&+]\s*fk|fk\s*[,/&+]\s*pk)$/i.test(w)) {
    facts.primaryKey = true;
    facts.foreignKeyWithoutTarget ??= !facts.references;
  } else if (/^(unique|uk|uq|unique key|único|unico|única|уникальн\S*|唯一)$/iu.test(w)) facts.unique = true;
  else if (/^(not null|required|non-null|non null)$/i.test(w)) facts.notNull = true;
  else if (/^(null|nullable|optional)$/i.test(w)) facts.notNull = false;
  else if (/^(auto[_ ]?increment|identity|auto-increment)$/i.test(w)) facts.identity = true;
  else if (/^(index|indexed|db_index)$/i.test(w)) facts.indexed = true;
  else if (/^(blank|editable|auto_now|auto_now_add)$/i.test(w)) {
    // Form and ORM behaviour, nothing in the database.
  }
  else if ((m = /^default\s*:?\s*(.+)$/i.exec(w))) {
    const expression = defaultExpression(m[1]!);
    if (expression === undefined) facts.unread.push(w);
    else facts.default = expression;
  }
  else if ((m = new RegExp(`^on[ _]delete\\s*[= ]\\s*(?:models\\.)?${ACTION.replace(' ', '[ _]')}$`, 'i').exec(w))) setAction(facts, 'onDelete', m[1]!.replace('_', ' '));
  else if ((m = new RegExp(`^on update ${ACTION}$`, 'i').exec(w))) setAction(facts, 'onUpdate', m[1]!);
  else if ((m = /^check\s*(?:in\s*)?\(((?:\s*(?:-?\d+(?:\.\d+)?|'(?:[^']|'')*')\s*,)+\s*(?:-?\d+(?:\.\d+)?|'(?:[^']|'')*')\s*)\)$/i.exec(w))) {
    // `CHECK (0, 1, 2)`, `CHECK IN ('a', 'b')`: the allowed values.
    facts.checks.push(`${ident(column)} IN (${m[1]!.trim()})`);
  } else if ((m = /^check\s*\((.*)\)$/i.exec(w))) facts.checks.push(m[1]!);
  else if ((m = /^check\s*(>=|<=|<>|!=|>|<|=)\s*(.+)$/i.exec(w))) facts.checks.push(`${ident(column)} ${m[1]} ${m[2]}`);
  else if ((m = /^check\s*(-?\d+(?:\.\d+)?)\s*(?:-|–|to|\.\.)\s*(-?\d+(?:\.\d+)?)$/i.exec(w))) {
    facts.checks.push(`${ident(column)} BETWEEN ${m[1]} AND ${m[2]}`);
  } else if (/^check$/i.test(w)) facts.checkWithoutCondition = true;
  else if (/^(fk|foreign key|foreign|references?)$/i.test(w)) facts.foreignKeyWithoutTarget = !facts.references;
  else if (readForeignKey(w, facts)) {
    // read
  } else if (/\s\([^()]*\)$/.test(w) && !/^check\b/i.test(w)) {
    // `PK (composite)`, `NOT NULL (bcrypt hash)`: a remark in parentheses after the word.
    const before = facts.unread.length;
    readConstraintWord(w.replace(/\s\([^()]*\)$/, ''), column, facts);
    if (facts.unread.length > before) facts.unread.splice(before, 1, w);
  } else facts.unread.push(w);
}

/**
 * `FK to users`, `FK → users.id`, `REFERENCES users(id)`, `FK to users (SET NULL)`,
 * `Reference to users.id`, `FK to auth.users ON DELETE CASCADE`.
 */
export function readForeignKey(text: string, facts: ColumnFacts): boolean {
  const pattern = new RegExp(
    `(?:^|\\b)(?:fk|foreign key|references?|refs?|reference to|points to|links to)\\b\\s*(?:to\\b|→|->|:)?\\s*\\(?\\s*(?:references?\\s+)?` +
    `(${IDENT}(?:\\.${IDENT}){0,2})\\s*(?:\\(\\s*(${IDENT})\\s*\\))?\\)?` +
    `(?:\\s*\\(\\s*(?:on delete\\s+)?${ACTION}\\s*\\))?(?:\\s+on delete\\s+${ACTION})?(?:\\s+on update\\s+${ACTION})?`,
    'iu',
  );
  const m = pattern.exec(plain(text));
  // `Reference to the user`: prose, not a table name.
  if (!m || /^(the|a|an|this|that|another|its|their|which|who|other)$/i.test(m[1]!)) return false;
  const parts = m[1]!.split('.');
  let target: ForeignKeyFact;
  if (parts.length === 3) target = { schema: parts[0]!, table: parts[1]!, column: parts[2]! };
  else if (parts.length === 2 && !m[2] && /(^id$|_id$)/i.test(parts[1]!)) target = { table: parts[0]!, column: parts[1]! };
  else if (parts.length === 2) target = { schema: parts[0]!, table: parts[1]! };
  else target = { table: parts[0]! };
  // `FK → Comment (self)`: a remark in parentheses, not the referenced column.
  if (m[2] && !/^(self|optional|nullable|required|unique|recursive|parent|child)$/i.test(m[2])) target.column = m[2];
  // Unquoted names fold to lower case, as PostgreSQL folds them (`BUSINESS_SETTINGS.id`).
  target.table = target.table.toLowerCase();
  facts.references = { ...facts.references, ...target };
  facts.foreignKeyWithoutTarget = false;
  const onDelete = m[3] ?? m[4];
  if (onDelete) setAction(facts, 'onDelete', onDelete);
  if (m[5]) setAction(facts, 'onUpdate', m[5]);
  return true;
}

function setAction(facts: ColumnFacts, which: 'onDelete' | 'onUpdate', action: string): void {
  facts.references = { table: '', ...facts.references, [which]: action.toLowerCase() as ReferentialAction };
}

/**
 * A default as SQL: a bare word that is not SQL (`active`) is the string it names. Text with
 * quotes or parentheses that is not one expression (`'x'); DROP …`) is no default: undefined.
 */
export function defaultExpression(text: string): string | undefined {
  const value = plain(text).replace(/^`|`$/g, '').trim();
  const parsed = parseOne(`SELECT ${value}`);
  if ('error' in parsed) return /['"();]/.test(value) ? undefined : literal(value);
  const target = parsed.node.targetList?.[0]?.ResTarget?.val;
  if (target?.ColumnRef && parsed.node.targetList.length === 1 && !/^current_|^localtime/i.test(value)) {
    return literal(value);
  }
  return value;
}

/** `'basic', 'pro', 'inactive'` → the values; fewer than two is no list. */
export function quotedValues(text: string): string[] {
  return [...text.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

/** The values a list item names first: `` `CREATE`, `READ` `` or `` `sentiment`: … `` */
export function leadingCodeValues(item: string): string[] {
  const m = /^\s*((?:`[^`]+`\s*(?:,|\bor\b|\band\b|\/)?\s*)+)/i.exec(item);
  return m ? [...m[1]!.matchAll(/`([^`]+)`/g)].map((v) => v[1]!.trim()) : [];
}

/** Markdown emphasis, code marks and HTML tags off; white space folded. */
export function plain(text: string): string {
  return text
    .replace(/<(?!br)[^>]+>/gi, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/`/g, '')
    .replace(/\\\|/g, '|')
    .replace(/\s+/g, ' ')
    .trim();
}
