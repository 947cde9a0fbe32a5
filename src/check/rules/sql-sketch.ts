import type { Rule } from '../rule.js';

/** Found while reading (src/read/sql/blocks.ts). */
export const sqlSketch: Rule = {
  meta: {
    code: 'SD102', name: 'sql-sketch', severity: 'warning', stage: 'read', set: 'recommended',
    summary: 'A statement that leaves parts out ("..."), a sketch left out of the schema',
  },
};
