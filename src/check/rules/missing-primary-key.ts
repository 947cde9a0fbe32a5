import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const missingPrimaryKey: Rule = {
  meta: {
    code: 'SD509', name: 'missing-primary-key', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'A table without a primary key',
  },
  run({ designedTables, report }) {
    for (const table of designedTables) {
      if (table.constraints.some((c) => c.kind === 'primary key') || table.inherits?.length) continue;
      report({
        message: `table ${displayName(table)} has no primary key: its rows cannot be told apart or referenced, and logical replication cannot update or delete them`,
        span: table.spans[0],
        fix: 'add a PRIMARY KEY (an identity or uuid id column, or the columns that identify a row)',
      });
    }
  },
};
