import type { Rule } from '../rule.js';

/** Found while merging (src/merge/calls.ts). */
export const undefinedFunctionCall: Rule = {
  meta: {
    code: 'SD224', name: 'undefined-function-call', severity: 'warning', stage: 'merge', set: 'recommended',
    summary: 'A policy that calls a function the document describes but never defines',
  },
};
