import type { Claim } from '../../schema/model.js';
import { displayName, sameName, tableNamedInProse } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const claimPolicySummary: Rule = {
  meta: {
    code: 'SD609', name: 'claim-policy-summary', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'A row of an RLS summary table that grants access no policy provides',
  },
  run({ schema, report }) {
    for (const claim of schema.claims.filter((c): c is Extract<Claim, { kind: 'policy' }> => c.kind === 'policy')) {
      const table = tableNamedInProse(schema.tables, claim.table);
      if (!table) continue;
      const policies = schema.policies.filter((p) => sameName(p.table, table));
      if (policies.some((p) => p.command === claim.command || p.command === 'all')) continue;
      const command = claim.command.toUpperCase();
      report({
        message: `the RLS summary gives ${displayName(table)} ${command} access (${claim.access}), but no policy on ${displayName(table)} is FOR ${command} or FOR ALL`
          + (table.rowLevelSecurity ? `: PostgreSQL refuses ${command} to every role but the owner` : ''),
        span: claim.span,
        related: [
          ...(table.spans[0] ? [{ span: table.spans[0], message: `${displayName(table)}${policies.length ? ` has policies for ${[...new Set(policies.map((p) => p.command.toUpperCase()))].join(', ')}` : ' has no policy'}` }] : []),
        ],
        fix: `CREATE POLICY … ON ${displayName(table)} FOR ${command} …, or correct the summary`,
      });
    }
  },
};
