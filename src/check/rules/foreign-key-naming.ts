import { displayName } from '../../schema/names.js';
import { expandPattern } from '../../schema/conventions.js';
import type { Rule } from '../rule.js';

export const foreignKeyNaming: Rule = {
  meta: {
    code: 'SD603', name: 'foreign-key-naming', severity: 'warning', stage: 'model', set: 'recommended',
    summary: "A foreign key column or constraint named against the document's own pattern",
  },
  run({ schema, convention, report }) {
    const columnPattern = convention('foreignKeyColumn');
    const namePattern = convention('foreignKeyName');
    for (const table of schema.tables) {
      const foreignKeys = table.constraints.filter((c) => c.kind === 'foreign key');
      for (const fk of foreignKeys) {
        const parent = fk.references!.name;
        // Two keys to one table (follower_id, followed_id) need names for their roles.
        const roles = foreignKeys.filter((other) => other.references!.name === parent).length > 1;
        if (columnPattern && fk.columns.length === 1 && !roles) {
          const expected = expandPattern(columnPattern.value, parent, []);
          const column = fk.columns[0]!;
          // `author_user_id`: a role in front of the pattern still follows it.
          if (column !== expected && !column.endsWith(`_${expected}`)) {
            report({
              message: `foreign key column ${displayName(table)}.${column} references ${displayName(fk.references!)}; the document's pattern ${columnPattern.value} names it ${expected}`
                + ' (or <role>_' + expected + ')',
              span: table.columns.find((c) => c.name === column)?.spans[0] ?? fk.spans[0], related: columnPattern.related, cause: 'foreignKeyColumn',
              fix: expected,
            });
          }
        }
        if (namePattern && fk.name) {
          const expected = expandPattern(namePattern.value, table.name, fk.columns).replace(/\{ref(erenced)?_?table\}/g, parent);
          if (fk.name !== expected) {
            report({
              message: `foreign key ${fk.name} does not follow the document's pattern ${namePattern.value}: expected ${expected}`,
              span: fk.spans[0], related: namePattern.related, fix: expected, cause: 'foreignKeyName',
            });
          }
        }
      }
    }
  },
};
