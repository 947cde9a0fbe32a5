import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';
import { joinsOf, viewQuery, type Node } from '../view-query.js';

export const viewCartesianJoin: Rule = {
  meta: {
    code: 'SD513', name: 'view-cartesian-join', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'A join ON TRUE in a view: every row with every row',
  },
  run({ schema, locate, report }) {
    for (const view of schema.views) {
      const query = viewQuery(view);
      if (!query) continue;
      for (const join of joinsOf(query)) {
        if (join.quals?.A_Const?.boolval?.boolval !== true || isLateral(join.rarg)) continue;
        report({
          message: `view ${displayName(view)} joins ${relationName(join.rarg)} ON TRUE: every row is paired with every row of it (a Cartesian product), `
            + 'so the view returns rows × rows and its counts are multiplied',
          span: locate(view.spans[0], /\bON\s+TRUE\b/i),
          fix: 'join on the columns that relate the rows (ON x.id = y.x_id), or write CROSS JOIN if every pairing is meant',
        });
      }
    }
  },
};

/** `JOIN LATERAL (…) ON TRUE` is how a lateral subquery is joined: not a Cartesian product. */
function isLateral(node: Node): boolean {
  return Boolean(node?.RangeSubselect?.lateral || node?.RangeFunction?.lateral);
}

function relationName(node: Node): string {
  const range = node?.RangeVar;
  return range ? `${range.schemaname ? `${range.schemaname}.` : ''}${range.relname}` : 'a subquery';
}
