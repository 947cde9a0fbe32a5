// Markdown column tables (`| Column | Type | Constraints | Description |`, tbls output …)
// → table fragments. Each row is written as a SQL column definition and parsed by
// PostgreSQL's parser, so a row means exactly what the same SQL would.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Column, Span, Table } from '../schema/model.js';
import { tableOf } from '../schema/names.js';
import { ident, literal } from '../pg/quote.js';
import {
  emptyFacts, plain, quotedValues, readConstraintWords, readForeignKey, readTypeCell, TYPE_VOCABULARY,
} from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { Located, MarkdownTable } from './markdown.js';
import { columnFromFacts } from './column-definition.js';
import { nameAndTypeFromCells, typeColumnHoldsTypes } from './column-cells.js';
import { repairCell, type CellRepair } from './sql/dialects.js';

type Role = 'name' | 'type' | 'constraints' | 'key' | 'nullable' | 'required' | 'notNull' | 'default'
  | 'references' | 'unique' | 'description' | 'parents' | 'identity' | 'size';

// Header words in the languages of the documents schemadoc has met (English first).
const HEADER_ROLES: [RegExp, Role][] = [
  [/^(column|columns|field|fields|name|attribute|attributes|column ?name|field ?name|property|колонка|поле|столбец|имя|columna|campo|nombre|colonne|champ|nom|spalte|feld|coluna|字段|字段名|欄位|列|列名|名称|컬럼|필드|カラム|項目)$/u, 'name'],
  [/^(type|data ?type|sql ?type|pg ?type|postgres(ql)? ?type|column ?type|db ?type|тип|тип данных|tipo|tipo de dato|tipo de datos|tipo de dado|typ|datentyp|类型|數據類型|数据类型|型別|型|타입|데이터 ?타입|データ型)$/u, 'type'],
  [/^(constraints?|modifiers?|options|attributes?\/constraints|properties|ограничения|restricciones|contraintes|restrições|einschränkungen|约束|約束|제약조건|制約)$/u, 'constraints'],
  [/^(key|keys|pk\/fk|pk|fk|index|indexes|key ?type|ключ|clave|clé|chave|键|키|キー)$/u, 'key'],
  [/^(nullable|nullability|null|nulls|null\?|nullable\?|allow ?null|is ?nullable|nulo|nullable \(y\/n\)|允許空值|允许空值|可空|可为空|是否为空|null許可|nullable 여부|null 허용|anulable|nullbar|допускает null|boş olabilir)$/u, 'nullable'],
  [/^(required|required\?|mandatory|обязательное|requerido|obligatoire|obrigatório|必填|必須)$/u, 'required'],
  [/^(not ?null)$/, 'notNull'],
  [/^(default|default ?value|defaults|по умолчанию|valor por defecto|défaut|padrão|默认值|默認值|預設值|기본값|デフォルト|デフォルト値|varsayılan|giá trị mặc định|standardwert)$/u, 'default'],
  [/^(references?|foreign ?key|fk ?to|relation|relationship|relations)$/, 'references'],
  [/^(unique|unique\?)$/, 'unique'],
  [/^(description|comment|comments|notes?|purpose|details|remarks|описание|комментарий|descripción|descripcion|description|descrição|beschreibung|说明|描述|說明|備註|설명|説明|備考)$/u, 'description'],
  [/^parents$/, 'parents'],
  [/^(identity|auto|auto ?increment|auto_increment)$/, 'identity'],
  // SchemaSpy writes a type's length apart: `varchar | 40`, `numeric | 12,2`.
  [/^(size|length|len|länge|longitud|longueur|tamanho|长度|長度|길이|サイズ|桁数)$/u, 'size'],
];

export interface ColumnTableReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
  /** Columns whose CHECK names no condition, for the value list below the table. */
  pendingChecks: { table: Table; column: Column; span: Span }[];
}

/** The role of each header cell, or undefined when this is not a table of columns. */
export function columnTableRoles(table: MarkdownTable): (Role | undefined)[] | undefined {
  const roles = table.header.map((cell) => {
    const key = plain(cell.text).toLowerCase().replace(/[^\p{L}\p{N} /?()]/gu, '').replace(/\s+/g, ' ').trim();
    return HEADER_ROLES.find(([pattern]) => pattern.test(key))?.[1];
  });
  // `| From Table | Columns | To Tables | Type |` describes relationships, not one table's columns.
  const aboutRelationships = table.header.some((cell) => /^(from|to|source|target)( tables?)?$/i.test(plain(cell.text)));
  // `| Name | Type | Definition |` lists constraints or triggers (tbls writes them under the columns).
  const aboutConstraints = table.header.some((cell) => /^definition$/i.test(plain(cell.text)));
  // `| [users](users.md) | 6 | | BASE TABLE |`: tbls's index of tables, each described in its own page.
  const indexOfPages = table.rows.length > 0 && table.rows.every((row) => /^\[[^\]]+\]\([^)\s]+\.md\)$/.test((row[0]?.text ?? '').trim()));
  if (aboutRelationships || aboutConstraints || indexOfPages) return undefined;
  if (!roles.includes('name') || !roles.includes('type')) {
    // Header words in a language or wording not listed above: the cells say which is which.
    const found = nameAndTypeFromCells(table, roles);
    // A header's Type over cells that are no types (`1 : ∞`, `BASE TABLE`) is another kind of type.
    if (found.name !== undefined && found.type === undefined && !typeColumnHoldsTypes(table, roles.indexOf('type'))) return undefined;
    if (found.name !== undefined) roles[found.name] = 'name';
    if (found.type !== undefined) roles[found.type] = 'type';
    if (found.description !== undefined && roles.includes('name') && roles.includes('type')) roles[found.description] = 'description';
  }
  return roles.includes('name') && roles.includes('type') ? roles : undefined;
}

/** The header word of a column of column names that says so (`Column`, `Field`, `Attribut` …; not a bare `Name`). */
const COLUMN_WORD = /^(column|columns|field|fields|attribute|attributes|attribut|column ?name|field ?name|property|колонка|поле|столбец|columna|campo|colonne|champ|spalte|feld|coluna|字段|字段名|欄位|欄位名|列|列名|컬럼|필드|カラム|項目)$/u;

/**
 * A table of column names with no types (`| Column | Notes |`): the names, each cell's
 * comma-separated names with where they are written; undefined for any other table.
 */
export function columnNamesOnly(table: MarkdownTable): { name: string; keys: string; at: Located }[] | undefined {
  const at = table.header.findIndex((cell) => COLUMN_WORD.test(plain(cell.text).toLowerCase().trim()));
  if (at < 0 || table.header.some((cell) => /\btype\b/i.test(plain(cell.text))) || nameAndTypeFromCells(table, []).type !== undefined) return undefined;
  const notesAt = table.header.findIndex((cell, i) => i !== at && plain(cell.text).length > 0);
  const names = table.rows.flatMap((row) => {
    const cell = row[at];
    // `(binder_id, page_number) | UNIQUE`: a constraint of the table, not a column.
    if (!cell || /^\(.*\)$/.test(plain(cell.text))) return [];
    const keys = keysInNotes(plain(row[notesAt]?.text ?? ''));
    return plain(cell.text).split(',').map((n) => ({ name: n.trim().replace(/^`|`$/g, ''), keys, at: cell }));
  });
  return names.length >= 2 && names.every((n) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(n.name)) ? names : undefined;
}

/** Keys a note states at its start: `FK → binder.id (CASCADE)`, `UNIQUE.`, `Primary key`. */
function keysInNotes(notes: string): string {
  const reference = /^(?:fk|foreign key)\s*(?:→|->|to|references)\s*([\p{L}_][\p{L}\p{N}_]*\.[\p{L}_][\p{L}\p{N}_]*)(\s*\(cascade\))?/iu.exec(notes);
  if (reference) return `FK → ${reference[1]}${reference[2] ? ', ON DELETE CASCADE' : ''}`;
  if (/^unique\b/i.test(notes)) return 'UNIQUE';
  if (/^(pk|primary key)\b/i.test(notes)) return 'PK';
  return '';
}

/** The name cell of a field typed ObjectId (MongoDB's identifier type), if any. */
function mongoField(table: MarkdownTable, roles: (Role | undefined)[]): Located | undefined {
  const type = roles.indexOf('type');
  const row = table.rows.find((r) => /^objectid\b/i.test(plain(r[type]?.text ?? '')));
  return row?.[roles.indexOf('name')];
}

/** `aliases` are other names the document gives the table (the model `Post` of `blog_post`). */
export function readColumnTable(
  table: MarkdownTable, roles: (Role | undefined)[], tableName: string, file: string, aliases: string[] = [],
): ColumnTableReading {
  const diagnostics: Diagnostic[] = [];
  const pendingChecks: ColumnTableReading['pendingChecks'] = [];
  const mongo = mongoField(table, roles);
  if (mongo) {
    diagnostics.push({
      code: 'SD128', severity: 'warning', cause: 'MongoDB', span: { file, line: mongo.line, column: mongo.column, source: 'column-table' },
      message: `${tableName} is a MongoDB collection (its ${plain(mongo.text)} is an ObjectId), not a table: left out`,
    });
    return { fragments: [], diagnostics, pendingChecks };
  }
  const on = tableOf(tableName);
  const tableSpan: Span = { file, line: table.line, column: 1, source: 'column-table' };
  const model: Table = {
    ...on, columns: [], constraints: [], rowLevelSecurity: false,
    forceRowLevelSecurity: false, requires: [], spans: [tableSpan], ...(aliases.length ? { aliases } : {}),
  };
  const primaryKey: string[] = [];
  const extraFragments: Fragment[] = [];

  const blankIsNo = onlyMarks(table, roles.indexOf('nullable'));
  for (const row of table.rows) {
    const cell = (role: Role): Located | undefined => row[roles.indexOf(role)];
    const nameCell = cell('name');
    const named = nameCell ? columnNameOf(nameCell.text) : undefined;
    if (!nameCell || !named) continue;
    const columnName = named.name;
    const span: Span = { file, line: nameCell.line, column: nameCell.column, source: 'column-table' };
    if (named.dropped) {
      diagnostics.push({
        code: 'SD122', severity: 'warning', span, cause: 'not one identifier',
        message: `the name \`${plain(nameCell.text)}\` is not one identifier: read as column ${columnName}, leaving out \`${named.dropped}\``,
        fix: `"${plain(nameCell.text).replace(/"/g, '""')}"`,
      });
    }
    const facts = emptyFacts();
    const type = readTypeCell(withSize(cell('type')?.text ?? '', plain(cell('size')?.text ?? '')));
    if (type.manyToMany) {
      diagnostics.push({ code: 'SD115', severity: 'info', span, cause: 'many-to-many', message: `${columnName} of ${tableName} is a many-to-many relation, kept in a junction table, not a column; left out` });
      continue;
    }
    if (!type.sql) {
      diagnostics.push({ code: 'SD111', severity: 'error', span, message: `column ${columnName} of ${tableName} has no type` });
      continue;
    }
    if (type.synonym) {
      diagnostics.push({
        code: 'SD110', severity: 'info', span: { ...span, column: cell('type')!.column }, cause: TYPE_VOCABULARY,
        message: `\`${type.synonym}\` is not a PostgreSQL type; read as ${type.sql}`,
      });
    }
    // `tinyint(4)`, `bigint(20) unsigned` (tbls pages of a MySQL database): the PostgreSQL they mean.
    const dialectType = repairCell(columnName, type.sql, 'type');
    if (dialectType) reportDialect(dialectType, { ...span, column: cell('type')!.column }, diagnostics);
    const typeSql = dialectType?.sql ?? type.sql;
    if (type.enumValues?.length) facts.checks.push(`${ident(columnName)} IN (${type.enumValues.map(literal).join(', ')})`);
    readConstraintWords(type.rest, columnName, facts);
    for (const role of ['constraints', 'key'] as const) {
      const text = keysOfIcons(cell(role)?.text);
      if (text) readConstraintWords(text, columnName, facts);
    }
    // `| Nulls |` of check marks (SchemaSpy): an empty cell says no.
    readYesNo(cell('nullable')?.text || (blankIsNo ? 'no' : undefined), (yes) => (facts.notNull = !yes));
    readYesNo(cell('required')?.text, (yes) => (facts.notNull = yes));
    readYesNo(cell('notNull')?.text, (yes) => (facts.notNull = yes));
    readYesNo(cell('unique')?.text, (yes) => (facts.unique ||= yes));
    // `| Identity |` holds the seed and increment (`1 - 1`) or a yes.
    const identity = plain(cell('identity')?.text ?? '');
    if (identity) readYesNo(/\d/.test(identity) ? 'yes' : identity, (yes) => (facts.identity ||= yes));
    // A serial makes its own sequence and default (`nextval('orders_id_seq'::regclass)`, `Auto √`).
    const serial = /^(small|big)?serial$/i.test(type.sql);
    if (serial) facts.identity = false;
    const defaultText = serial ? '' : plain(cell('default')?.text ?? '');
    // A cell that says there is no default, or that the value is generated, is no expression.
    if (/^(auto[_ -]?increment|identity|auto|serial)$/i.test(defaultText)) facts.identity = true;
    else if (defaultText && !/^(-|—|–|none|null|n\/a|generated|empty)$/i.test(defaultText)) {
      const dialectDefault = repairCell(columnName, defaultText, 'default');
      if (dialectDefault) reportDialect(dialectDefault, { ...span, column: cell('default')!.column }, diagnostics);
      readConstraintWords(`DEFAULT ${dialectDefault?.sql ?? defaultText}`, columnName, facts);
    }
    const references = plain(cell('references')?.text ?? '') || plain(cell('parents')?.text ?? '');
    if (references && !/^(-|—|none)$/i.test(references)) readForeignKey(`references ${references}`, facts);
    const description = cell('description')?.text ?? '';
    /** A description that states keys and nothing else (`PK`, `Unique, not null`) is no prose. */
    let onlyKeys = false;
    // Without a constraints or key column, the description is where keys are stated ("Primary key, auto-increment").
    if (!roles.includes('constraints') && !roles.includes('key') && description) {
      const unread = facts.unread.length;
      readConstraintWords(description, columnName, facts);
      onlyKeys = facts.unread.length === unread;
      // "Identificador único (PK)", "Correo electrónico (único)": keys in parentheses.
      for (const group of description.matchAll(/\(([^()]+)\)/g)) readConstraintWords(group[1]!, columnName, facts);
      facts.unread.length = unread;
    }
    // "FOREIGN KEY | Reference to users.id": the target is in the description.
    if (facts.foreignKeyWithoutTarget && readForeignKey(description, facts)) facts.foreignKeyWithoutTarget = false;
    if (facts.checkWithoutCondition) {
      const values = /\betc\b|\.\.\./i.test(description) ? [] : quotedValues(description);
      if (values.length >= 2) {
        facts.checks.push(`${ident(columnName)} IN (${values.map(literal).join(', ')})`);
        facts.checkWithoutCondition = false;
      }
    }

    const read = columnFromFacts(columnName, typeSql, facts, span, tableName);
    if ('error' in read) {
      diagnostics.push({ code: 'SD112', severity: 'error', span, message: `column ${columnName} of ${tableName} cannot be read: ${read.error}` });
      continue;
    }
    const prose = plain(description);
    if (prose && !onlyKeys && !/^(-|—)$/.test(prose)) read.column.description = prose;
    model.columns.push(read.column);
    model.constraints.push(...read.constraints);
    model.requires.push(...read.requires);
    extraFragments.push(...read.extensions);
    if (facts.primaryKey) primaryKey.push(columnName);
    if (facts.checkWithoutCondition) pendingChecks.push({ table: model, column: read.column, span });
    if (facts.foreignKeyWithoutTarget) {
      diagnostics.push({ code: 'SD113', severity: 'warning', span, cause: 'no target', message: `column ${columnName} of ${tableName} is marked as a foreign key but names no table; no foreign key is created` });
    }
    if (facts.indexed) {
      extraFragments.push({ kind: 'index', index: { table: { ...on }, name: '', unique: false, method: 'btree', keys: [{ column: columnName }], include: [], spans: [span] } });
    }
    if (facts.unread.length) {
      diagnostics.push({ code: 'SD114', severity: 'info', span, cause: facts.unread.join(' ').toLowerCase(), message: `not understood in column ${columnName}: ${facts.unread.map((w) => `"${w}"`).join(', ')}` });
    }
  }
  if (primaryKey.length) {
    model.constraints.unshift({ kind: 'primary key', columns: primaryKey, spans: [tableSpan] });
    for (const column of model.columns) if (primaryKey.includes(column.name)) column.notNull = true;
  }
  return { fragments: [{ kind: 'table', table: model }, ...extraFragments], diagnostics, pendingChecks };
}

/**
 * A column of a table whose filled cells are all check marks (`√`), so that an empty one says
 * no; SchemaSpy's `Nulls` is such a column even when no column of the table is nullable.
 */
function onlyMarks(table: MarkdownTable, at: number): boolean {
  if (at < 0) return false;
  const cells = table.rows.map((row) => plain(row[at]?.text ?? '')).filter(Boolean);
  const marks = cells.length > 0 || /^nulls$/i.test(plain(table.header[at]!.text));
  return marks && cells.every((c) => /^[√✓✔x]$/iu.test(c));
}

/** `varchar` and a size cell `40` → `varchar(40)`; a size on a type that takes none (`int4 | 10`, `text | 2147483647`) is the width it is shown in. */
function withSize(type: string, size: string): string {
  if (!/^\d+(\s*,\s*\d+)?$/.test(size) || /\(/.test(type) || Number(size.split(',')[0]) > 10485760) return type;
  return /^(varchar|character varying|char|character|bpchar|nvarchar|nchar|numeric|decimal|bit|varbit|bit varying)$/i.test(plain(type)) ? `${plain(type)}(${size.replace(/\s+/g, '')})` : type;
}

/** A cell of MySQL or SQL Server words, reported as SQL of theirs is (SD104), at the cell. */
function reportDialect(repair: CellRepair, span: Span, diagnostics: Diagnostic[]): void {
  for (const f of repair.findings) diagnostics.push({ code: 'SD104', severity: f.loses ? 'warning' : 'info', span, cause: f.kind, message: f.message, fix: f.fix });
}

/**
 * Generated pages mark keys with icons whose alt text says the key: `[![Cluster Primary Key
 * PK_Users: Id](pkcluster.png)](#indexes)` is a primary key; the rest of the alt text is no constraint.
 */
function keysOfIcons(text: string | undefined): string | undefined {
  if (!text?.includes('![')) return text;
  return text.replace(/\[?!\[([^\]]*)\]\([^)]*\)(?:\]\([^)]*\))?/g, (_, alt: string) =>
    ['primary key', 'foreign key', 'unique'].filter((key) => alt.toLowerCase().includes(key)).join(', '));
}

/** Marks beside a name that say something about the column, not its name: `id (PK)`, `email *`, `user_id FK`. */
const MARKS = /\b(pk|fk|uk|uq|nn|ai|primary|foreign|unique|key|not|null|required|optional|index|indexed|auto|increment)\b/giu;

/**
 * The column a name cell names: a quoted identifier as written, else its first word. What
 * else the cell holds, beyond notes in parentheses and key marks, is `dropped`, to be reported.
 */
function columnNameOf(cell: string): { name: string; dropped?: string } | undefined {
  const text = plain(cell);
  const quoted = /^"((?:[^"]|"")+)"/u.exec(text);
  if (quoted) return { name: quoted[1]!.replace(/""/g, '"') };
  const words = text.replace(/[^\p{L}\p{N}_$ ]/gu, ' ').trim();
  if (!words || /^[-—]+$/.test(text)) return undefined;
  const name = words.split(/\s+/)[0]!;
  const rest = text.slice(text.indexOf(name) + name.length)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(MARKS, ' ').replace(/[^\p{L}\p{N}_;'"=]/gu, ' ').trim();
  return rest ? { name, dropped: text.slice(text.indexOf(name) + name.length).trim() } : { name };
}

function readYesNo(text: string | undefined, set: (yes: boolean) => void): void {
  const value = plain(text ?? '').toLowerCase();
  if (/^(yes|y|true|√|✓|✔|✅|x|nullable|null|null allowed|allowed|是|可|はい|○|예|sí|si|sim|oui|ja|да|evet|có)$/u.test(value)) set(true);
  else if (/^(no|n|false|✗|✘|❌|not null|否|不|いいえ|×|아니오|não|non|nein|нет|hayır|không)$/u.test(value)) set(false);
}
