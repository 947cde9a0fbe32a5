import { displayName, singular, snakeCase } from '../../schema/names.js';
import { hasCase, looksPlural, plural } from '../naming.js';
import type { Rule } from '../rule.js';

export const tableNaming: Rule = {
  meta: {
    code: 'SD601', name: 'table-naming', severity: 'warning', stage: 'model', set: 'recommended',
    summary: "A table or column name that breaks the document's own naming convention (case, singular or plural)",
  },
  run({ schema, convention, report }) {
    const tableCase = convention('tableCase');
    const tableNumber = convention('tableNumber');
    const columnCase = convention('columnCase');
    for (const table of schema.tables) {
      if (tableCase && !hasCase(table.name, tableCase.value)) {
        report({
          message: `table ${displayName(table)} is not ${tableCase.value}, as the document's tables are to be`,
          span: table.spans[0], related: tableCase.related, cause: 'tableCase',
          ...(tableCase.value === 'snake_case' ? { fix: snakeCase(table.name) } : {}),
        });
      }
      if (tableNumber && looksPlural(table.name) !== (tableNumber.value === 'plural')) {
        report({
          message: `table ${displayName(table)} is ${tableNumber.value === 'plural' ? 'singular' : 'plural'}; the document's tables are to be ${tableNumber.value}`,
          span: table.spans[0], related: tableNumber.related, cause: 'tableNumber',
          fix: tableNumber.value === 'plural' ? plural(table.name) : singular(table.name),
        });
      }
      if (!columnCase) continue;
      for (const column of table.columns.filter((c) => !hasCase(c.name, columnCase.value))) {
        report({
          message: `column ${displayName(table)}.${column.name} is not ${columnCase.value}, as the document's columns are to be`,
          span: column.spans[0], related: columnCase.related, cause: 'columnCase',
          ...(columnCase.value === 'snake_case' ? { fix: snakeCase(column.name) } : {}),
        });
      }
    }
  },
};
