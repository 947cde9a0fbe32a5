import type { Rule } from '../rule.js';

/** Found while merging (src/merge/script.ts). */
export const objectMissing: Rule = {
  meta: {
    code: 'SD203', name: 'object-missing', severity: 'error', stage: 'merge', set: 'recommended',
    summary: 'A DROP, ALTER or RENAME of something that does not exist at that point of the document',
  },
};
