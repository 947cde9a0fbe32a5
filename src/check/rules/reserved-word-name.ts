import { displayName, isReservedWord } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const reservedWordName: Rule = {
  meta: {
    code: 'SD505', name: 'reserved-word-name', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'A table or column named with a reserved word (user, order, limit …)',
  },
  run({ schema, report }) {
    const reserved = (name: string) => name === name.toLowerCase() && isReservedWord(name);
    for (const table of schema.tables) {
      if (reserved(table.name)) {
        report({
          message: `table name ${table.name} is a reserved word in PostgreSQL: every query must write it as "${table.name}"`
            + (table.name === 'user' ? ', and an unquoted user means the current role' : ''),
          span: table.spans[0],
          fix: `rename it (e.g. ${table.name === 'user' ? 'app_user or users' : `${table.name}s`}), or always quote it`,
        });
      }
      for (const column of table.columns.filter((c) => reserved(c.name))) {
        report({
          message: `column ${displayName(table)}.${column.name} is named with a reserved word: every query must write it as "${column.name}"`,
          span: column.spans[0],
          fix: 'rename it, or always quote it',
        });
      }
    }
  },
};
