// A conceptual model written as one table of entities: `| Entity | Attributes |`, a row per
// entity with its attributes in one cell (`学号, 姓名, 密码(Bcrypt)`). Names without types:
// each row is read as a table's column names.
import { plain } from './column-vocabulary.js';
import { tableNameFromTitle } from '../schema/names.js';
import type { Located, MarkdownTable } from './markdown.js';

const ENTITY = /^(entity|entities|实体|實體|エンティティ|엔티티|entité|entidad|entidade|entität|сущность|varlık|thực thể)$/u;
const ATTRIBUTES = /^(attributes?|fields|columns|属性|屬性|属性一覧|속성|attributs|atributos|attribute|атрибуты|поля|öznitelikler|thuộc tính)$/u;

export interface EntityRow {
  table: string;
  line: number;
  names: { name: string; keys: string; at: Located }[];
}

/** The entities of such a table, or undefined when the table is not one. */
export function entityRows(table: MarkdownTable): EntityRow[] | undefined {
  const header = table.header.map((cell) => plain(cell.text).toLowerCase());
  const entity = header.findIndex((h) => ENTITY.test(h));
  const attributes = header.findIndex((h) => ATTRIBUTES.test(h));
  if (entity < 0 || attributes < 0) return undefined;
  const rows: EntityRow[] = [];
  for (const row of table.rows) {
    const title = plain(row[entity]?.text ?? '');
    // `**学生** Student`: the name in Latin letters is the table's, as a schema would spell it.
    const latin = /\b[A-Za-z][A-Za-z0-9_]*\b/.exec(title.replace(/\*/g, ''))?.[0];
    const name = tableNameFromTitle(latin ?? title);
    const cell = row[attributes];
    if (!name || !cell) continue;
    const names = plain(cell.text).split(/[,，、;]/u)
      .map((n) => n.replace(/[（(][^）)]*[）)]/gu, '').trim())
      .filter((n) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(n))
      .map((n) => ({ name: n, keys: '', at: cell }));
    if (names.length) rows.push({ table: name, line: cell.line, names });
  }
  return rows.length ? rows : undefined;
}
