import type { Rule } from '../rule.js';

export const claimRowLevelSecurity: Rule = {
  meta: {
    code: 'SD607', name: 'claim-row-level-security', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'Prose that says row-level security is applied, in a schema with no policy and no table that enables it',
  },
  run({ schema, report }) {
    if (schema.policies.length || schema.tables.some((t) => t.rowLevelSecurity)) return;
    for (const claim of schema.claims.filter((c) => c.kind === 'row-level-security')) {
      report({
        message: 'the document says row-level security is applied, but no table enables it and no policy is defined: every role that can reach a table sees all its rows',
        span: claim.span,
        fix: 'ALTER TABLE … ENABLE ROW LEVEL SECURITY and CREATE POLICY … for the tables it protects, or correct the sentence',
      });
    }
  },
};
