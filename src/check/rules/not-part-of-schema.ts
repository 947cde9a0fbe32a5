import type { Rule } from '../rule.js';

/** Found while reading (src/read/sql/statement.ts). */
export const notPartOfSchema: Rule = {
  meta: {
    code: 'SD106', name: 'not-part-of-schema', severity: 'info', stage: 'read', set: 'recommended',
    summary: 'A statement about databases, the server or transactions (CREATE DATABASE, \\c, BEGIN), left out of the schema',
  },
};
