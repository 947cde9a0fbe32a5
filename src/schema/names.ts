import { keywordKindOf } from '@pgsql/quotes';
import type { ObjectKey, QualifiedName } from './model.js';

export const DEFAULT_SCHEMA = 'public';

/** The key an object is found by: `kind:schema.name`, with `public` for unqualified names. */
export function objectKey(kind: string, name: QualifiedName): ObjectKey {
  return `${kind}:${name.schema ?? DEFAULT_SCHEMA}.${name.name}`;
}

/** `public.users`: what objects of one kind are matched by, whether the schema was written or not. */
export const nameKey = (o: QualifiedName) => `${o.schema ?? DEFAULT_SCHEMA}.${o.name}`;

/** `users`, `billing.invoice`: public is the schema a reader assumes. */
export const shownName = (o: QualifiedName) => ((o.schema ?? DEFAULT_SCHEMA) === DEFAULT_SCHEMA ? o.name : `${o.schema}.${o.name}`);

/** `schema.name` as a person reads it; the schema is shown only when the document gave one. */
export function displayName(name: QualifiedName): string {
  return name.schema ? `${name.schema}.${name.name}` : name.name;
}

export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && (a.schema ?? DEFAULT_SCHEMA) === (b.schema ?? DEFAULT_SCHEMA);
}

/** `ActiveSession` → `active_session`, `Twitter Accounts` → `twitter_accounts`. */
export function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[\s\-]+/g, '_')
    .toLowerCase();
}

const NAME_PART = String.raw`"(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*`;
const SQL_NAME = new RegExp(`^(${NAME_PART})(?:\\.(${NAME_PART}))?$`, 'u');
const unquoteName = (part: string) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part);

const TITLE_NOISE = /\b(table|tables|entity|entities|model|schema|definition|the|core)\b/gi;
/** "table" in the other languages of headings: `Users 表`, `Tabla usuarios`, `Таблица users`. */
const TITLE_NOISE_WORLD = /(?<![\p{L}\p{N}_])(tabla|tabela|tabelle|tableau|таблица|tablo|bảng)(?![\p{L}\p{N}_])|(表|테이블|テーブル)\s*$/giu;

/** `Post (table: blog_post)` → `Post`: the model a heading names beside its table. */
export function modelNameFromTitle(title: string): string | undefined {
  if (!/\btable:/i.test(title)) return undefined;
  const m = /^#*\s*`?([\p{L}_][\p{L}\p{N}_]*)`?\s*\(/u.exec(title);
  return m?.[1];
}

/** `billing.invoice` → its schema and name; `users` → a name alone (a name `tableNameFromTitle` gives). */
export function tableOf(written: string): QualifiedName {
  const [schema, name] = written.includes('.') ? written.split('.', 2) as [string, string] : [undefined, written];
  return schema ? { schema, name } : { name };
}

/**
 * The table a heading or label names: `#### 2. twitter_accounts`, `### 👤 User Entity`,
 * `**Table: orders**`, `Users Table` → `twitter_accounts`, `user`, `orders`, `users`.
 * Undefined when what is left does not look like a name (a sentence, a placeholder).
 */
export function tableNameFromTitle(heading: string): string | undefined {
  // Generated pages put an icon before the name: `![Tables](Table32.png) [dbo].[Users]`.
  const title = heading.replace(/!\[[^\]]*\]\([^)]*\)/g, '').trim();
  // SQL Server's `[dbo].[Users]`: case-insensitive names, dbo being PostgreSQL's public.
  const bracketed = /^(?:#+\s*)?(?:\[([\p{L}_][\p{L}\p{N}_]*)\]\.)?\[([\p{L}_][\p{L}\p{N}_]*)\]$/u.exec(title);
  if (bracketed) return [bracketed[1]?.toLowerCase(), bracketed[2]!.toLowerCase()].filter((p) => p && p !== 'dbo').join('.');
  // `` `binder` — physical binder ``: the name as code, then what the table is.
  const described = /^(?:#+\s*)?`([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)?)`\s*(?:—|–|-|:)\s+\S/u.exec(title);
  if (described) return described[1]!;
  // `"SPECIAL ""x""".languages`: a name written as SQL, quoted where it must be, is that name.
  const written = SQL_NAME.exec(title.replace(/^#+\s*/, '').trim());
  if (written && title.includes('"')) return [written[1], written[2]].filter(Boolean).map((part) => unquoteName(part!)).join('.');
  // `Post (table: blog_post)`: the title says which table.
  const named = /\btable:\s*`?([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)?)`?/iu.exec(title);
  if (named) return named[1]!.toLowerCase();
  const text = title
    .replace(/^#+\s*/, '')
    .replace(/(\*{1,3}|`)([^*`]+)\1/g, '$2')
    .replace(/`/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(\d+(\.\d+)*[.)]?|[a-z][.)])\s+/i, '')
    .replace(/[^\p{L}\p{N}_.\s-]/gu, ' ')
    .replace(TITLE_NOISE, ' ')
    .replace(TITLE_NOISE_WORLD, ' ')
    .replace(/[:\s]+$/, '')
    .trim();
  if (!text || /[[\]{}]/.test(title) || text.split(/\s+/).length > 3) return undefined;
  const name = text.includes('.') ? text : snakeCase(text);
  return /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)?$/u.test(name) ? name : undefined;
}

/**
 * A name with case, separators and plural endings taken away, to match the ways documents
 * write the same table: `ShiftDetails` ≈ `shift_details`, `USER` ≈ `users`, `statuses` ≈ `status`.
 */
export function looseName(name: string): string {
  return singular(name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/** The table prose names: `billing.invoice` exactly, `Invoices` or `invoice` loosely. */
export function tableNamedInProse<T extends QualifiedName>(tables: T[], written: string): T | undefined {
  if (written.includes('.')) return tables.find((t) => displayName(t) === written);
  const loose = looseName(written);
  return tables.find((t) => t.name === written) ?? tables.find((t) => looseName(t.name) === loose);
}

/** `categories` → `category`, `addresses` → `address`, `user_roles` → `user_role`; `status`, `news` stay. */
export function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|uses)$/.test(name)) return name.slice(0, -2);
  if (name.endsWith('s') && !/(ss|us|is|ics|news|series|species|alias|canvas|gas|atlas)$/.test(name)) return name.slice(0, -1);
  return name;
}

/** A keyword that can name a table or column only in double quotes: `user`, `order`, `limit`. */
export function isReservedWord(word: string): boolean {
  const kind = keywordKindOf(word.toLowerCase());
  return kind === 'RESERVED_KEYWORD' || kind === 'TYPE_FUNC_NAME_KEYWORD';
}

/** Text (a name as SQL writes it) as it stands, matched literally, in a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
