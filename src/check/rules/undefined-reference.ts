import type { Rule } from '../rule.js';

/** Found while merging and executing (src/merge/resolve.ts, src/check/execute.ts). */
export const undefinedReference: Rule = {
  meta: {
    code: 'SD220', name: 'undefined-reference', severity: 'error', stage: 'execute', set: 'recommended',
    summary: 'A reference to a table, column, type or function that the document never defines',
  },
};
