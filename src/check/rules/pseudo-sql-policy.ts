import type { Rule } from '../rule.js';

/** Found while reading (src/read/sql-pseudo.ts). */
export const pseudoSqlPolicy: Rule = {
  meta: {
    code: 'SD105', name: 'pseudo-sql-policy', severity: 'warning', stage: 'read', set: 'recommended',
    summary: 'A policy written as POLICY … instead of CREATE POLICY … ON a table',
  },
};
