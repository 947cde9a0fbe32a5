import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const uuidKeyWithoutDefault: Rule = {
  meta: {
    code: 'SD510', name: 'uuid-key-without-default', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'A uuid primary key with no default',
  },
  run({ designedTables, report }) {
    for (const table of designedTables) {
      const key = table.constraints.find((c) => c.kind === 'primary key');
      if (key?.columns.length !== 1) continue;
      const column = table.columns.find((c) => c.name === key.columns[0]);
      if (!column || column.type.name !== 'uuid' || column.default !== undefined || column.generated) continue;
      // A key that is also a foreign key (a 1:1 extension of another table) takes its value from there.
      if (table.constraints.some((c) => c.kind === 'foreign key' && c.columns.length === 1 && c.columns[0] === column.name)) continue;
      report({
        message: `${displayName(table)}.${column.name} is a uuid primary key with no default: every INSERT must supply an id`,
        span: column.spans[0],
        fix: `${column.name} uuid PRIMARY KEY DEFAULT gen_random_uuid()`,
      });
    }
  },
};
