import type { Rule } from '../rule.js';

/** Found while executing (src/check/execute.ts). */
export const exampleFails: Rule = {
  meta: {
    code: 'SD401', name: 'example-fails', severity: 'error', stage: 'execute', set: 'recommended',
    summary: 'An example statement (SELECT, INSERT …) that fails against the schema',
  },
};
