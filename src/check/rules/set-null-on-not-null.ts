import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const setNullOnNotNull: Rule = {
  meta: {
    code: 'SD503', name: 'set-null-on-not-null', severity: 'error', stage: 'model', set: 'recommended',
    summary: 'ON DELETE SET NULL on a foreign key column that is NOT NULL',
  },
  run({ schema, locate, report }) {
    for (const table of schema.tables) {
      const primaryKey = new Set(table.constraints.find((c) => c.kind === 'primary key')?.columns ?? []);
      for (const fk of table.constraints.filter((c) => c.kind === 'foreign key')) {
        for (const action of ['onDelete', 'onUpdate'] as const) {
          if (fk[action] !== 'set null') continue;
          const notNull = fk.columns.filter((name) => primaryKey.has(name) || table.columns.find((c) => c.name === name)?.notNull);
          if (notNull.length === 0) continue;
          const verb = action === 'onDelete' ? 'deleting' : 'changing the key of';
          report({
            message: `${displayName(table)}.${notNull.join(', ')} is NOT NULL, but its foreign key says ${action === 'onDelete' ? 'ON DELETE' : 'ON UPDATE'} SET NULL: `
              + `${verb} a referenced ${displayName(fk.references!)} row fails with a not-null violation`,
            span: locate(fk.spans[0], /\bSET\s+NULL\b/i),
            fix: `drop NOT NULL from ${notNull.join(', ')}, or use ${action === 'onDelete' ? 'ON DELETE' : 'ON UPDATE'} CASCADE or RESTRICT`,
          });
        }
      }
    }
  },
};
