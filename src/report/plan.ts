// A plan as a person reads it (each change with its hazards) and as JSON.
import type { Change, Plan } from '../diff/plan/change.js';
import { HAZARDS, type HazardCode } from '../diff/plan/hazards.js';
import { planSql } from '../diff/plan/script.js';
import type { Proof } from '../diff/prove/prove.js';
import { plural } from './pretty.js';

const MARK: Record<Change['action'], string> = { create: '+', drop: '-', alter: '~', rename: '>' };

export function prettyPlan(plan: Plan, heading: string): string {
  const lines = plan.changes.map((c) => {
    const hazards = c.hazards.map((h) => `\n      ! ${h.code} ${HAZARDS[h.code].name}: ${h.message}`).join('');
    return `  ${MARK[c.action]} ${c.action} ${c.kind} ${c.name}${hazards}`;
  });
  return [heading, ...lines, ...plan.notes.map((n) => `  note: ${n}`)].join('\n');
}

export function planJson(plan: Plan) {
  return {
    changes: plan.changes.map(({ action, kind, name, statements, hazards, outsideTransaction, spans }) => ({
      action, kind, name, statements, hazards, ...(outsideTransaction ? { outsideTransaction } : {}), spans,
    })),
    notes: plan.notes,
    sql: planSql(plan),
  };
}

/** The hazards of a plan not allowed, by code. */
export function refusedHazards(plan: Plan, allowed: string[]): Map<HazardCode, number> {
  const refused = new Map<HazardCode, number>();
  for (const c of plan.changes) for (const h of c.hazards) if (!allowed.includes(h.code)) refused.set(h.code, (refused.get(h.code) ?? 0) + 1);
  return refused;
}

/** `3 changes, 2 hazards`. */
export function planSummary(plan: Plan): string {
  const hazards = plan.changes.reduce((n, c) => n + c.hazards.length, 0);
  return `${plural(plan.changes.length, 'change')}${hazards ? `, ${plural(hazards, 'hazard')}` : ''}`;
}

/** What a proof found, in a paragraph. */
export function proofSummary(proof: Proof, from: string, to: string, what = 'the plan'): string {
  const filled = `${plural(proof.rows, 'generated row')}${proof.empty.length ? ` (${plural(proof.empty.length, 'table')} left empty: ${proof.empty.slice(0, 3).map((e) => `${e.table}, ${e.reason}`).join('; ')})` : ''}`;
  if (proof.unbuilt) return `Not proved: ${from} does not build on an embedded copy: ${proof.unbuilt}`;
  if (proof.failed) return `Not proved: on an embedded copy of ${from} with ${filled}, PostgreSQL refused to ${proof.failed.change.action} ${proof.failed.change.kind} ${proof.failed.change.name}: ${proof.failed.error.message}`;
  const problems = [
    ...proof.differences.map((d) => `${d.kind} ${d.name}${d.aspect ? ` (${d.aspect})` : ''} is ${d.change === 'different' ? 'otherwise' : d.change === 'missing' ? 'missing' : 'left over'}`),
    ...proof.lost.map((l) => `rows of ${l.table} changed: ${l.detail}`),
  ];
  if (problems.length) return `Not proved: on an embedded copy of ${from} with ${filled}, ${what} ${what === 'the plan' ? 'does' : 'do'} not give ${to}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` and ${problems.length - 5} more` : ''}.`;
  return `Proved on an embedded copy of ${from} with ${filled}: ${what} ${what === 'the plan' ? 'gives' : 'give'} ${to}, and every row of every column that stays is kept.`;
}

