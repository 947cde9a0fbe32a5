import type { Rule } from '../rule.js';

/** Found while reading (src/read/document.ts). */
export const notUtf8: Rule = {
  meta: {
    code: 'SD109', name: 'not-utf8', severity: 'warning', stage: 'read', set: 'recommended',
    summary: 'Bytes that are not UTF-8, so the names and text there are not what was meant',
  },
};
