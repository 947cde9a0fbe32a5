// TypeScript interfaces and type aliases in documents are application models: they are
// matched to tables and compared with them, and never create tables.
import type * as TS from 'typescript';
import type { Span } from '../schema/model.js';

export interface ModelField {
  name: string;
  /** `name?: T` */
  optional: boolean;
  /** `T | null` */
  nullable: boolean;
  /** The TypeScript type without `| null` / `| undefined`. */
  type: string;
  span: Span;
}

export interface ModelInterface {
  name: string;
  fields: ModelField[];
  span: Span;
}

export function readInterface(
  ts: typeof TS.default, node: TS.Node, source: TS.SourceFile, at: (node: TS.Node) => Span,
): ModelInterface | undefined {
  let members: readonly TS.TypeElement[] | undefined;
  let name: TS.Identifier | undefined;
  if (ts.isInterfaceDeclaration(node)) {
    members = node.members;
    name = node.name;
  } else if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) {
    members = node.type.members;
    name = node.name;
  }
  if (!members || !name) return undefined;
  const fields: ModelField[] = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
    const parts = (member.type?.getText(source) ?? 'unknown').split('|').map((p) => p.trim());
    fields.push({
      name: member.name.text,
      optional: Boolean(member.questionToken) || parts.includes('undefined'),
      nullable: parts.includes('null'),
      type: parts.filter((p) => p !== 'null' && p !== 'undefined').join(' | '),
      span: at(member.name),
    });
  }
  return { name: name.text, fields, span: at(name) };
}

/** Which TypeScript types a column of a PostgreSQL type can be read into. */
export function compatibleTypes(sqlType: string): string[] | undefined {
  const t = sqlType.toLowerCase();
  if (/^(int|integer|smallint|bigint|serial|bigserial|smallserial|real|double|float|numeric|decimal|int2|int4|int8)/.test(t)) return ['number', 'bigint', 'string'];
  if (/^(text|varchar|char|character|citext|uuid|inet|cidr|macaddr)/.test(t)) return ['string'];
  if (/^(bool)/.test(t)) return ['boolean'];
  if (/^(timestamp|date|time)/.test(t)) return ['Date', 'string'];
  return undefined;
}
