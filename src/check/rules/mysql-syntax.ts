import type { Rule } from '../rule.js';

/** Found while reading (src/read/sql/table.ts). */
export const mysqlSyntax: Rule = {
  meta: {
    code: 'SD104', name: 'mysql-syntax', severity: 'info', stage: 'read', set: 'recommended',
    summary: 'MySQL, SQL Server or SQLite syntax in a PostgreSQL document',
  },
};
