import type { Claim } from '../../schema/model.js';
import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const claimEveryTable: Rule = {
  meta: {
    code: 'SD606', name: 'claim-every-table', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'Prose that says every table has some columns, where some tables do not',
  },
  run({ schema, designedTables, report }) {
    const known = new Set(designedTables.flatMap((t) => t.columns.map((c) => c.name.toLowerCase())));
    for (const claim of schema.claims.filter((c): c is Extract<Claim, { kind: 'columns-everywhere' }> => c.kind === 'columns-everywhere')) {
      // Only names that are columns somewhere: "all tables are in `public`" names no column.
      const columns = claim.columns.filter((c) => known.has(c));
      if (!columns.length) continue;
      const lacking = designedTables
        .map((table) => ({ table, missing: columns.filter((c) => !table.columns.some((k) => k.name.toLowerCase() === c)) }))
        .filter((l) => l.missing.length);
      if (!lacking.length) continue;
      report({
        message: `the document says every table has ${columns.join(' and ')}, but ${lacking.length} of ${designedTables.length} tables do not: `
          + lacking.slice(0, 5).map((l) => `${displayName(l.table)} (no ${l.missing.join(', ')})`).join(', ') + (lacking.length > 5 ? ', …' : ''),
        span: claim.span,
        related: lacking.filter((l) => l.table.spans[0]).map((l) => ({ span: l.table.spans[0]!, message: `${displayName(l.table)} has no ${l.missing.join(', ')}` })),
        fix: `add ${columns.join(' and ')} to those tables, or say which tables have them`,
      });
    }
  },
};
