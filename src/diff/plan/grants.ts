// Privileges granted to roles other than the owner: granted where new, revoked where gone (when
// the target says anything of privileges at all). An object made (or made again) by the plan
// starts from PostgreSQL's default privileges for its kind (functions: EXECUTE to PUBLIC), so
// only what differs from those is granted or revoked.
import type { Grant } from '../../schema/model.js';
import { grantSql, isDefaultGrant, revokedFromPublic, revokeSql, routineObject, statesGrants } from '../../pg/grants.js';
import { change } from './change.js';
import { functionKey, type Planning } from './context.js';

const grantKey = (g: Grant) => `${g.objectKind} ${g.object} ${g.grantee} ${g.privilege}${g.grantable ? ' grantable' : ''}`;
const named = (g: Pick<Grant, 'privilege' | 'object' | 'grantee'>) => `${g.privilege} on ${g.object} to ${g.grantee}`;

export function planGrants(p: Planning): void {
  // A target that says nothing of privileges leaves the database's as they are (a Supabase database grants its roles on every table).
  if (!statesGrants(p.to)) return;
  const made = (g: Grant) => g.requires.some((k) => p.made.has(k));
  const before = new Set(p.from.grants.filter((g) => !made(g)).map(grantKey));
  const after = new Set(p.to.grants.map(grantKey));
  for (const g of p.to.grants) {
    if (before.has(grantKey(g)) || (made(g) && isDefaultGrant(g))) continue;
    p.main.push(change('create', 'grant', named(g), [`${grantSql(g)};`], { spans: g.spans, requires: g.requires }));
  }
  const revoke = (g: Pick<Grant, 'objectKind' | 'object' | 'grantee' | 'privilege' | 'requires'>) => {
    p.main.push(change('drop', 'grant', named(g), [`${revokeSql(g)};`], { requires: g.requires }));
  };
  for (const g of p.from.grants) {
    if (after.has(grantKey(g)) || made(g) || g.requires.some((k) => p.dropped.has(k))) continue;
    revoke(g);
  }
  // A function made by the plan that the target does not let PUBLIC execute.
  for (const f of revokedFromPublic(p.to)) {
    if (!p.made.has(functionKey(f))) continue;
    revoke({ objectKind: f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION', object: routineObject(f), grantee: 'PUBLIC', privilege: 'EXECUTE', requires: [functionKey(f)] });
  }
}
