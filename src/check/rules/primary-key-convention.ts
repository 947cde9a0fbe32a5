import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const primaryKeyConvention: Rule = {
  meta: {
    code: 'SD604', name: 'primary-key-convention', severity: 'warning', stage: 'model', set: 'recommended',
    summary: "A primary key whose name or type breaks the document's own convention",
  },
  run({ schema, convention, report }) {
    const name = convention('primaryKeyColumn');
    const type = convention('primaryKeyType');
    if (!name && !type) return;
    for (const table of schema.tables) {
      const key = table.constraints.find((c) => c.kind === 'primary key');
      // Junction tables have composite keys of foreign keys; the convention is about surrogate keys.
      if (key?.columns.length !== 1) continue;
      const column = table.columns.find((c) => c.name === key.columns[0]);
      if (!column) continue;
      if (name && column.name !== name.value && !table.constraints.some((c) => c.kind === 'foreign key' && c.columns.includes(column.name))) {
        report({
          message: `the primary key of ${displayName(table)} is ${column.name}; the document's primary keys are named ${name.value}`,
          span: column.spans[0], related: name.related, fix: name.value, cause: 'primaryKeyColumn',
        });
      }
      if (type && column.type.name !== type.value) {
        report({
          message: `the primary key ${displayName(table)}.${column.name} is ${column.type.sql}; the document's primary keys are ${type.value}`,
          span: column.spans[0], related: type.related, cause: 'primaryKeyType',
        });
      }
    }
  },
};
