import type { Rule } from '../rule.js';

/** Found while merging (src/merge/resolve.ts). */
export const foldedIdentifier: Rule = {
  meta: {
    code: 'SD221', name: 'folded-identifier', severity: 'error', stage: 'merge', set: 'recommended',
    summary: 'An unquoted name that PostgreSQL folds to lower case, for a column created quoted',
  },
};
