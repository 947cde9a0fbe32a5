import type { Rule } from '../rule.js';

/** Found while reading (src/read/columns-table.ts). */
export const nameNotIdentifier: Rule = {
  meta: {
    code: 'SD122', name: 'name-not-identifier', severity: 'warning', stage: 'read', set: 'recommended',
    summary: 'A column name in a table of columns that is more than one identifier, read as its first word',
  },
};
