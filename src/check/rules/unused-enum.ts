import { displayName, objectKey } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const unusedEnum: Rule = {
  meta: {
    code: 'SD514', name: 'unused-enum', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'An enum type that no column, function or other object uses',
  },
  run({ schema, report }) {
    const used = new Set<string>();
    const all = [...schema.tables, ...schema.types, ...schema.views, ...schema.functions, ...schema.triggers, ...schema.policies, ...schema.script, ...schema.sequences];
    for (const object of all) for (const key of object.requires) used.add(key);
    for (const table of schema.tables) for (const c of table.columns) used.add(objectKey('type', { ...(c.type.schema ? { schema: c.type.schema } : {}), name: c.type.name }));
    for (const type of schema.enums) {
      if (used.has(objectKey('type', type))) continue;
      report({
        message: `enum ${displayName(type)} is defined but no column, function or other type uses it`,
        span: type.spans[0],
        fix: `use it as a column's type, or drop it`,
      });
    }
  },
};
