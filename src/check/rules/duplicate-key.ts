import type { Rule } from '../rule.js';

/** Found while reading (src/read/sql/table.ts). */
export const duplicateKey: Rule = {
  meta: {
    code: 'SD107', name: 'duplicate-key', severity: 'warning', stage: 'read', set: 'recommended',
    summary: 'A UNIQUE or PRIMARY KEY written twice on the same columns of one table',
  },
};
