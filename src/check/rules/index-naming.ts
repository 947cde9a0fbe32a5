import { displayName } from '../../schema/names.js';
import { expandPattern } from '../../schema/conventions.js';
import type { Rule } from '../rule.js';

export const indexNaming: Rule = {
  meta: {
    code: 'SD602', name: 'index-naming', severity: 'warning', stage: 'model', set: 'recommended',
    summary: "An index or unique constraint named against the document's own naming pattern",
  },
  run({ schema, convention, locate, report }) {
    const indexName = convention('indexName');
    const uniqueName = convention('uniqueName');
    if (indexName) {
      for (const index of schema.indexes) {
        // Unique indexes follow the unique-constraint pattern when the document has one.
        const rule = index.unique && uniqueName ? uniqueName : indexName;
        if (!index.name || index.keys.some((k) => k.column === undefined)) continue;
        const expected = expandPattern(rule.value, index.table.name, index.keys.map((k) => k.column!));
        if (index.name === expected) continue;
        report({
          message: `index ${index.name} on ${displayName(index.table)} does not follow the document's pattern ${rule.value}: expected ${expected}`,
          span: locate(index.spans[0], new RegExp(`\\b${index.name}\\b`)), related: rule.related, fix: expected, cause: rule === indexName ? 'indexName' : 'uniqueName',
        });
      }
    }
    if (!uniqueName) return;
    for (const table of schema.tables) {
      for (const unique of table.constraints.filter((c) => c.kind === 'unique')) {
        const expected = expandPattern(uniqueName.value, table.name, unique.columns);
        if (unique.name === expected) continue;
        report({
          message: unique.name
            ? `unique constraint ${unique.name} on ${displayName(table)} does not follow the document's pattern ${uniqueName.value}: expected ${expected}`
            : `the unique constraint on ${displayName(table)}(${unique.columns.join(', ')}) has no name, so PostgreSQL names it ${table.name}_${unique.columns.join('_')}_key, not ${expected} as the document's pattern ${uniqueName.value} says`,
          span: unique.spans[0], related: uniqueName.related, cause: 'uniqueName', fix: `CONSTRAINT ${expected} UNIQUE (${unique.columns.join(', ')})`,
        });
      }
    }
  },
};
