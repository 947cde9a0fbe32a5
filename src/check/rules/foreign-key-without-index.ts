import { ident, identList, qualified } from '../../pg/quote.js';
import { displayName, objectKey } from '../../schema/names.js';
import { expandPattern } from '../../schema/conventions.js';
import { indexLikes } from '../index-keys.js';
import type { Rule } from '../rule.js';

export const foreignKeyWithoutIndex: Rule = {
  meta: {
    code: 'SD501', name: 'foreign-key-without-index', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'A foreign key with no index whose leading columns cover it',
  },
  run({ schema, designedTables, convention, report }) {
    const indexes = indexLikes(schema);
    const declared = convention('indexForeignKeys');
    const naming = convention('indexName');
    for (const table of designedTables) {
      const candidates = (indexes.get(objectKey('relation', table)) ?? []).filter((i) => i.method === 'btree' && i.columns && !i.where);
      for (const fk of table.constraints.filter((c) => c.kind === 'foreign key')) {
        const wanted = new Set(fk.columns);
        const covered = candidates.some((i) => i.columns!.length >= wanted.size && i.columns!.slice(0, wanted.size).every((c) => wanted.has(c)));
        if (covered) continue;
        const name = naming ? `${ident(expandPattern(naming.value, table.name, fk.columns))} ` : '';
        report({
          message: `foreign key ${displayName(table)}(${fk.columns.join(', ')}) → ${displayName(fk.references!)} has no index on (${fk.columns.join(', ')}): `
            + `every delete or key update in ${displayName(fk.references!)} scans ${displayName(table)}, and joins on it cannot use an index`,
          span: fk.spans[0],
          fix: `CREATE INDEX ${name}ON ${qualified(table)} (${identList(fk.columns)});`,
          ...(declared ? { related: declared.related } : {}),
        });
      }
    }
  },
};
