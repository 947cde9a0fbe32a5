// Row level security policies: dropped and made again when any part changes (command and
// permissiveness cannot be altered; in one transaction there is no moment without one).
import type { Policy } from '../../schema/model.js';
import { policySql } from '../../pg/emit.js';
import { ident, qualified } from '../../pg/quote.js';
import { change } from './change.js';
import { byKey, onTableKey, relationKey, type Planning } from './context.js';
import { shownName } from '../../schema/names.js';

const policyKey = (x: Policy) => onTableKey('policy', x.table, x.name);
const facts = (x: Policy) => JSON.stringify([x.command, x.permissive, x.roles, x.using, x.withCheck]);

export function planPolicies(p: Planning): void {
  const before = byKey(p.from.policies, policyKey);
  const after = byKey(p.to.policies, policyKey);
  for (const x of p.from.policies) {
    if (p.dropped.has(relationKey(x.table))) continue;
    const next = after.get(policyKey(x));
    if (next && facts(next) === facts(x) && !p.made.has(relationKey(x.table))) continue;
    p.dropped.add(policyKey(x));
    p.before.push(change('drop', 'policy', `${x.name} on ${shownName(x.table)}`, [`DROP POLICY ${ident(x.name)} ON ${qualified(x.table)};`], {
      provides: [policyKey(x)], requires: [relationKey(x.table), ...x.requires],
    }));
  }
  for (const x of p.to.policies) {
    const old = before.get(policyKey(x));
    if (old && facts(old) === facts(x) && !p.made.has(relationKey(x.table))) continue;
    p.made.add(policyKey(x));
    p.main.push(change('create', 'policy', `${x.name} on ${shownName(x.table)}`, [`${policySql(x)};`], {
      spans: x.spans, requires: [relationKey(x.table), ...x.requires],
    }));
  }
}
