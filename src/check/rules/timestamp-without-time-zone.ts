import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const timestampWithoutTimeZone: Rule = {
  meta: {
    code: 'SD506', name: 'timestamp-without-time-zone', severity: 'warning', stage: 'model', set: 'style', enabledBy: 'timestampsWithTimeZone',
    summary: 'A timestamp column without time zone',
  },
  run({ designedTables, locate, report }) {
    for (const table of designedTables) {
      for (const column of table.columns.filter((c) => c.type.name === 'timestamp' && !c.type.schema)) {
        const fixed = column.type.sql.replace(/^timestamp/, 'timestamptz');
        report({
          message: `${displayName(table)}.${column.name} is ${column.type.sql} (without time zone): it stores a wall-clock time with no zone, `
            + 'so the same instant reads differently from sessions in different time zones',
          span: locate(column.spans[0], /\btimestamp\b/i),
          fix: fixed,
        });
      }
    }
  },
};
