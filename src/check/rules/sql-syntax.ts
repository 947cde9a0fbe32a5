import type { Rule } from '../rule.js';

/** Found while reading (src/read/sql/blocks.ts). */
export const sqlSyntax: Rule = {
  meta: {
    code: 'SD101', name: 'sql-syntax', severity: 'error', stage: 'read', set: 'recommended',
    summary: 'SQL that PostgreSQL cannot parse',
  },
};
