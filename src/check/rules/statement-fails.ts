import type { Rule } from '../rule.js';

/** Found while executing (src/check/execute.ts). */
export const statementFails: Rule = {
  meta: {
    code: 'SD400', name: 'statement-fails', severity: 'error', stage: 'execute', set: 'recommended',
    summary: 'A schema statement that PostgreSQL refuses',
  },
};
