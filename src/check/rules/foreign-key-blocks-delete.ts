import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const foreignKeyBlocksDelete: Rule = {
  meta: {
    code: 'SD504', name: 'foreign-key-blocks-delete', severity: 'info', stage: 'model', set: 'style', enabledBy: 'explicitOnDelete',
    summary: 'A foreign key that says nothing about ON DELETE, so deleting a referenced row is refused',
  },
  run({ designedTables, convention, report }) {
    const declared = convention('explicitOnDelete')?.value;
    for (const table of designedTables) {
      for (const fk of table.constraints.filter((c) => c.kind === 'foreign key' && c.onDelete === undefined)) {
        const parent = displayName(fk.references!);
        report({
          message: `foreign key ${displayName(table)}(${fk.columns.join(', ')}) → ${parent} has no ON DELETE action: `
            + `deleting a ${parent} row that ${displayName(table)} rows refer to is refused`
            + (declared ? ', and the document says every foreign key states it' : ''),
          span: fk.spans[0],
          fix: 'say what should happen: ON DELETE CASCADE, SET NULL or RESTRICT',
        });
      }
    }
  },
};
