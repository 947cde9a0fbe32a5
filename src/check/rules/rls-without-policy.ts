import { displayName, sameName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const rlsWithoutPolicy: Rule = {
  meta: {
    code: 'SD515', name: 'rls-without-policy', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'Row-level security enabled on a table that has no policy',
  },
  run({ schema, report }) {
    for (const table of schema.tables.filter((t) => t.rowLevelSecurity)) {
      if (schema.policies.some((p) => sameName(p.table, table))) continue;
      report({
        message: `row-level security is enabled on ${displayName(table)}, but no policy is defined for it: `
          + 'every role except the owner (and roles with BYPASSRLS) sees no rows and can write none',
        span: table.spans[0],
        fix: `CREATE POLICY … ON ${displayName(table)} for the roles that should reach it (or say that only privileged roles may)`,
      });
    }
  },
};
