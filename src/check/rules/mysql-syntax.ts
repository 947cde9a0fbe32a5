import type { Rule } from '../rule.js';

/** Found while reading (src/read/sql/dialects.ts, blocks.ts, pseudo.ts, table.ts; src/read/columns-table.ts for cells). */
export const mysqlSyntax: Rule = {
  meta: {
    code: 'SD104', name: 'mysql-syntax', severity: 'info', stage: 'read', set: 'recommended',
    summary: 'MySQL, SQL Server or SQLite syntax in a PostgreSQL document',
  },
};
