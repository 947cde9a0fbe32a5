import { QuoteUtils } from '@pgsql/quotes';
import type { QualifiedName } from '../schema/model.js';

/** Quotes an identifier only where PostgreSQL needs it (upper case, spaces, keywords, quotes). */
export function ident(name: string): string {
  return QuoteUtils.quoteIdentifier(name);
}

export function qualified(name: QualifiedName): string {
  return name.schema ? `${ident(name.schema)}.${ident(name.name)}` : ident(name.name);
}

export function identList(names: string[]): string {
  return names.map(ident).join(', ');
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
