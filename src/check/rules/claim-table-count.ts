import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const claimTableCount: Rule = {
  meta: {
    code: 'SD608', name: 'claim-table-count', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'Prose that states a number of tables other than the number the document defines',
  },
  run({ schema, designedTables, report }) {
    if (!designedTables.length) return;
    for (const claim of schema.claims) {
      if (claim.kind !== 'table-count' || claim.count === designedTables.length || claim.count === schema.tables.length) continue;
      const names = designedTables.map((t) => displayName(t));
      report({
        message: `the document says it has ${claim.count} tables, but it defines ${designedTables.length}: `
          + `${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`,
        span: claim.span,
        fix: `say ${designedTables.length} tables, or document the ${claim.count > designedTables.length ? 'missing ones' : 'ones it leaves out'}`,
      });
    }
  },
};
