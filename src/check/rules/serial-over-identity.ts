import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

const IDENTITY_TYPE: Record<string, string> = { smallserial: 'smallint', serial: 'integer', bigserial: 'bigint', serial2: 'smallint', serial4: 'integer', serial8: 'bigint' };

export const serialOverIdentity: Rule = {
  meta: {
    code: 'SD508', name: 'serial-over-identity', severity: 'info', stage: 'model', set: 'style', enabledBy: 'identityColumns',
    summary: 'serial where an identity column would do',
  },
  run({ designedTables, convention, locate, report }) {
    const declared = convention('identityColumns')?.value;
    for (const table of designedTables) {
      for (const column of table.columns.filter((c) => IDENTITY_TYPE[c.type.name] && c.type.arrayDimensions === 0)) {
        report({
          message: `${displayName(table)}.${column.name} is ${column.type.name}`
            + (declared ? ', but the document uses identity columns'
              : ': an identity column is the SQL-standard form, its sequence belongs to the column (permissions, dumps, ALTER), and GENERATED ALWAYS stops stray explicit ids'),
          span: locate(column.spans[0], /\b(big|small)?serial[248]?\b/i),
          fix: `${IDENTITY_TYPE[column.type.name]} GENERATED ALWAYS AS IDENTITY`,
        });
      }
    }
  },
};
