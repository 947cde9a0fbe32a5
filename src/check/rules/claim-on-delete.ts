import type { Claim, ReferentialAction } from '../../schema/model.js';
import { displayName, looseName, sameName, tableNamedInProse } from '../../schema/names.js';
import type { Rule } from '../rule.js';

/** RESTRICT and the default, NO ACTION, both refuse the delete; the document's word for either is kept. */
const refuses = (action: ReferentialAction) => action === 'restrict' || action === 'no action';

export const claimOnDelete: Rule = {
  meta: {
    code: 'SD610', name: 'claim-on-delete', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'Prose or a relationships table that says what deleting a row does, where the foreign key does otherwise',
  },
  run({ schema, report }) {
    for (const claim of schema.claims.filter((c): c is Extract<Claim, { kind: 'on-delete' }> => c.kind === 'on-delete')) {
      const parent = tableNamedInProse(schema.tables, claim.parent);
      const child = tableNamedInProse(schema.tables, claim.child);
      if (!parent || !child) continue;
      const keys = child.constraints.filter((c) => c.kind === 'foreign key' && c.references && sameName(c.references, parent)
        && (!claim.column || c.columns.some((k) => looseName(k) === looseName(claim.column!))));
      // No foreign key at all is another finding's business; one that does what is said is enough.
      if (!keys.length || keys.some((k) => (k.onDelete ?? 'no action') === claim.action || (refuses(k.onDelete ?? 'no action') && refuses(claim.action)))) continue;
      const key = keys[0]!;
      const action = claim.action.toUpperCase();
      report({
        message: `the document says deleting a ${displayName(parent)} row does ON DELETE ${action} to ${displayName(child)}, `
          + `but the foreign key ${displayName(child)}(${key.columns.join(', ')}) → ${displayName(parent)} says ${key.onDelete ? `ON DELETE ${key.onDelete.toUpperCase()}` : 'nothing (NO ACTION: the delete is refused)'}`,
        span: claim.span,
        ...(key.spans[0] ? { related: [{ span: key.spans[0], message: `the foreign key of ${displayName(child)}(${key.columns.join(', ')})` }] } : {}),
        fix: `FOREIGN KEY (${key.columns.join(', ')}) REFERENCES ${displayName(parent)} ON DELETE ${action}`,
      });
    }
  },
};
