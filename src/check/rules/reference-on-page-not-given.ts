import type { Rule } from '../rule.js';

/** Found while merging (src/merge/resolve.ts). */
export const referenceOnPageNotGiven: Rule = {
  meta: {
    code: 'SD229', name: 'reference-on-page-not-given', severity: 'warning', stage: 'merge', set: 'recommended',
    summary: 'A foreign key to a table that the document links to another page for, a page not checked with it',
  },
};
