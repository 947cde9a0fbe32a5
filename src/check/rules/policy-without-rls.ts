import { displayName, objectKey } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const policyWithoutRls: Rule = {
  meta: {
    code: 'SD516', name: 'policy-without-rls', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'A policy on a table where row-level security is not enabled',
  },
  run({ schema, report }) {
    const tables = new Map(schema.tables.map((t) => [objectKey('relation', t), t]));
    for (const policy of schema.policies) {
      const table = tables.get(objectKey('relation', policy.table));
      if (!table || table.rowLevelSecurity) continue;
      report({
        message: `policy "${policy.name}" has no effect: row-level security is not enabled on ${displayName(table)}`,
        span: policy.spans[0],
        fix: `ALTER TABLE ${displayName(table)} ENABLE ROW LEVEL SECURITY;`,
      });
    }
  },
};
