// Privileges granted to roles other than the owner: granted where new, revoked where gone. An
// object made (or made again) by the plan starts from PostgreSQL's default privileges for its
// kind (functions: EXECUTE to PUBLIC), so only what differs from those is granted or revoked.
import type { Grant } from '../../schema/model.js';
import { ident, qualified } from '../../pg/quote.js';
import { change } from './change.js';
import { functionKey, type Planning } from './context.js';

const grantKey = (g: Grant) => `${g.objectKind} ${g.object} ${g.grantee} ${g.privilege}${g.grantable ? ' grantable' : ''}`;
const role = (name: string) => (name === 'PUBLIC' ? name : ident(name));
const isDefault = (g: Grant) => (g.objectKind === 'FUNCTION' || g.objectKind === 'PROCEDURE') && g.grantee === 'PUBLIC' && g.privilege === 'EXECUTE' && !g.grantable;

export function planGrants(p: Planning): void {
  const made = (g: Grant) => g.requires.some((k) => p.made.has(k));
  const before = new Set(p.from.grants.filter((g) => !made(g)).map(grantKey));
  const after = new Set(p.to.grants.map(grantKey));
  for (const g of p.to.grants) {
    if (before.has(grantKey(g)) || (made(g) && isDefault(g))) continue;
    p.main.push(change('create', 'grant', `${g.privilege} on ${g.object} to ${g.grantee}`, [
      `GRANT ${g.privilege} ON ${g.objectKind} ${g.object} TO ${role(g.grantee)}${g.grantable ? ' WITH GRANT OPTION' : ''};`,
    ], { spans: g.spans, requires: g.requires }));
  }
  const revoke = (g: Pick<Grant, 'objectKind' | 'object' | 'grantee' | 'privilege' | 'requires'>) => {
    p.main.push(change('drop', 'grant', `${g.privilege} on ${g.object} to ${g.grantee}`, [
      `REVOKE ${g.privilege} ON ${g.objectKind} ${g.object} FROM ${role(g.grantee)};`,
    ], { requires: g.requires }));
  };
  for (const g of p.from.grants) {
    if (after.has(grantKey(g)) || made(g) || g.requires.some((k) => p.dropped.has(k))) continue;
    revoke(g);
  }
  // A function made by the plan that the target does not let PUBLIC execute.
  for (const f of p.to.functions) {
    const key = functionKey(f);
    const args = `(${f.argumentTypes.join(', ')})`;
    if (f.kind === 'aggregate' || !p.made.has(key) || p.to.grants.some((g) => isDefault(g) && g.requires.includes(key) && g.object.endsWith(args))) continue;
    revoke({ objectKind: f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION', object: `${qualified(f)}${args}`, grantee: 'PUBLIC', privilege: 'EXECUTE', requires: [key] });
  }
}
