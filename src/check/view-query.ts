// A view's query as PostgreSQL's parser sees it, for the rules about views.
import { parseSql } from '../read/sql/parser.js';
import type { View } from '../schema/model.js';

export type Node = any;

/** The view's top-level SELECT; undefined if its query does not parse (reported elsewhere). */
export function viewQuery(view: View): Node | undefined {
  try {
    return (parseSql(view.query).stmts?.[0]?.stmt as Node)?.SelectStmt;
  } catch {
    return undefined;
  }
}

/** Every JoinExpr in the FROM clauses of a query and its subqueries. */
export function joinsOf(node: Node, out: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    for (const item of node) joinsOf(item, out);
  } else if (node && typeof node === 'object') {
    if (node.JoinExpr) out.push(node.JoinExpr);
    for (const value of Object.values(node)) if (value && typeof value === 'object') joinsOf(value, out);
  }
  return out;
}
