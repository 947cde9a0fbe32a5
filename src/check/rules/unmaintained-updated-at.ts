import { displayName, sameName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

const UPDATED_AT = /^(updated|modified|last_?modified|last_?updated|changed)(_?at|_?on|_?date|_?time)?$/i;

export const unmaintainedUpdatedAt: Rule = {
  meta: {
    code: 'SD511', name: 'unmaintained-updated-at', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'An updated_at column that nothing keeps up to date',
  },
  run({ schema, designedTables, report }) {
    for (const table of designedTables) {
      const hasUpdateTrigger = schema.triggers.some((t) => sameName(t.table, table) && /\bUPDATE\b/i.test(t.definition));
      if (hasUpdateTrigger) continue;
      for (const column of table.columns.filter((c) => UPDATED_AT.test(c.name) && !c.maintainedBy && /^(timestamp|timestamptz|date)$/.test(c.type.name))) {
        report({
          message: column.default
            ? `${displayName(table)}.${column.name} is set to ${column.default} when a row is inserted, but no trigger updates it: after the first UPDATE it no longer says when the row changed`
            : `${displayName(table)}.${column.name} has no default and no trigger sets it: nothing records when the row changed`,
          span: column.spans[0],
          fix: `a BEFORE UPDATE trigger on ${displayName(table)} that sets NEW.${column.name} = now()`,
        });
      }
    }
  },
};
