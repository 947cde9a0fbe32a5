// A plan as SQL to run: session settings first (names print and resolve as they were read,
// function bodies are not checked against objects made later), then each change's statements.
import type { Change, Plan } from './change.js';

/** As introspection printed names: what is not in these schemas is qualified. */
export const PLAN_SETTINGS = ['SET search_path = pg_catalog, public;', 'SET check_function_bodies = false;'];

export function planSql(plan: Plan): string {
  if (!plan.changes.length) return '-- No changes.\n';
  return [...PLAN_SETTINGS, '', ...plan.changes.map(changeSql)].join('\n') + '\n';
}

function changeSql(c: Change): string {
  const hazards = c.hazards.map((h) => `-- hazard ${h.code}: ${h.message}\n`).join('');
  const outside = c.outsideTransaction ? '-- runs outside a transaction\n' : '';
  return `-- ${c.action} ${c.kind} ${c.name}\n${hazards}${outside}${c.statements.join('\n')}\n`;
}
