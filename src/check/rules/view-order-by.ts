import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';
import { viewQuery } from '../view-query.js';

export const viewOrderBy: Rule = {
  meta: {
    code: 'SD512', name: 'view-order-by', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'ORDER BY in a view',
  },
  run({ schema, locate, report }) {
    for (const view of schema.views.filter((v) => !v.materialized)) {
      const query = viewQuery(view);
      // ORDER BY with LIMIT chooses rows (a top-N view); without it, it only costs a sort.
      if (!query?.sortClause || query.limitCount) continue;
      report({
        message: `view ${displayName(view)} sorts its rows with ORDER BY: every query on it pays for the sort, `
          + 'and a query that joins, filters or orders it differently does not keep that order anyway',
        span: locate(view.spans[0], /\bORDER\s+BY\b/i),
        fix: 'move the ORDER BY to the queries that need the order',
      });
    }
  },
};
