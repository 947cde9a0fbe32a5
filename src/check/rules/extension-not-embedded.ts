import type { Rule } from '../rule.js';

/** Found while executing (src/check/execute.ts). */
export const extensionNotEmbedded: Rule = {
  meta: {
    code: 'SD402', name: 'extension-not-embedded', severity: 'warning', stage: 'execute', set: 'recommended',
    summary: 'An extension the embedded database does not ship, so what uses it is not checked',
  },
};
