// A view's query as PostgreSQL prints it depends on the server's major version: since
// PostgreSQL 16 a query over one relation prints its columns unqualified (`id`), before it
// they were qualified (`d.id`). Printed again with that qualification taken away, the two
// are the same text.
import { parseSql } from '../read/sql/parser.js';
import { sql, type Node } from '../read/sql/ast.js';

export function comparableQuery(query: string): string {
  try {
    return sql(unqualified(parseSql(query).stmts?.[0]?.stmt, new Set()));
  } catch {
    return query;
  }
}

/** The tree with `alias.column` written as `column` where `alias` is the only relation its query reads. */
function unqualified(node: Node, only: Set<string>): Node {
  if (Array.isArray(node)) return node.map((n) => unqualified(n, only));
  if (!node || typeof node !== 'object') return node;
  if (node.SelectStmt) return { SelectStmt: fields(node.SelectStmt, soleRelation(node.SelectStmt)) };
  if (node.ColumnRef && node.ColumnRef.fields?.length === 2 && only.has(node.ColumnRef.fields[0]?.String?.sval)) {
    return { ColumnRef: { ...node.ColumnRef, fields: node.ColumnRef.fields.slice(1) } };
  }
  return fields(node, only);
}

function fields(node: Node, only: Set<string>): Node {
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) out[key] = unqualified(value, only);
  return out;
}

function soleRelation(select: Node): Set<string> {
  const from = select.fromClause ?? [];
  const relation = from.length === 1 ? from[0].RangeVar : undefined;
  return new Set(relation ? [relation.alias?.aliasname ?? relation.relname] : []);
}
