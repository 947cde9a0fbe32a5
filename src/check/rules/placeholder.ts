import type { Rule } from '../rule.js';

/** Found while reading (src/read/prose.ts). */
export const placeholder: Rule = {
  meta: {
    code: 'SD130', name: 'placeholder', severity: 'warning', stage: 'read', set: 'recommended',
    summary: 'Placeholder text left from a template',
  },
};
