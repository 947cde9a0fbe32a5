import { ident } from '../../pg/quote.js';
import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const varcharLength: Rule = {
  meta: {
    code: 'SD507', name: 'varchar-length', severity: 'info', stage: 'model', set: 'style', enabledBy: 'textOverVarchar',
    summary: 'varchar(n) where text would do',
  },
  run({ designedTables, convention, locate, report }) {
    const declared = convention('textOverVarchar')?.value;
    for (const table of designedTables) {
      for (const column of table.columns.filter((c) => c.type.name === 'varchar' && !c.type.schema)) {
        const limit = column.type.modifiers[0];
        // A bare varchar is text by another name; only a document that prefers text reports it.
        if (limit === undefined && !declared) continue;
        report({
          message: `${displayName(table)}.${column.name} is ${column.type.sql}`
            + (declared ? ', but the document uses text for variable-length strings' : ': in PostgreSQL text is as fast, and a length limit belongs in a CHECK that can change without altering the type'),
          span: locate(column.spans[0], /\b(varchar|character\s+varying)\b/i),
          fix: limit === undefined ? 'text' : `text CHECK (char_length(${ident(column.name)}) <= ${limit})`,
        });
      }
    }
  },
};
