// Functions, procedures and aggregates, and triggers. A function whose signature and result
// stay is replaced in place (CREATE OR REPLACE keeps what uses it); otherwise it is dropped
// and made again, with what depends on it.
import type { ObjectKey, SqlFunction, Trigger } from '../../schema/model.js';
import { ident, qualified } from '../../pg/quote.js';
import { change } from './change.js';
import { byKey, functionKey, onTableKey, relationKey, type Planning } from './context.js';
import { escapeRegExp, nameKey, shownName } from '../../schema/names.js';

const signature = (f: SqlFunction) => `${nameKey(f)}(${f.argumentTypes.join(', ')})`;
/** What CREATE OR REPLACE cannot change: the arguments (with their names) and the result. */
const header = (f: SqlFunction) => (f.kind === 'aggregate' ? f.definition : f.definition.split(/\n\s*LANGUAGE /)[0]!);

/** The functions that go or must be made again. */
export function functionChanges(p: Planning): ObjectKey[] {
  const after = byKey(p.to.functions, signature);
  const changed: ObjectKey[] = [];
  for (const f of p.from.functions) {
    const other = after.get(signature(f));
    if (other && (other.definition === f.definition || header(other) === header(f))) continue;
    changed.push(functionKey(f));
    if (other) p.remade.add(functionKey(f));
  }
  return changed;
}

export function planFunctions(p: Planning): void {
  const before = byKey(p.from.functions, signature);
  const after = byKey(p.to.functions, signature);
  for (const f of p.from.functions) {
    const remade = p.remade.has(functionKey(f)) && after.has(signature(f));
    if (after.has(signature(f)) && !remade) continue;
    p.dropped.add(functionKey(f));
    const drop = change('drop', f.kind, `${shownName(f)}(${f.argumentTypes.join(', ')})`,
      [`DROP ${f.kind.toUpperCase()} ${qualified(f)}(${f.argumentTypes.join(', ') || (f.kind === 'aggregate' ? '*' : '')});`],
      { provides: [functionKey(f)], requires: f.requires });
    (remade ? p.before : p.after).push(drop);
    if (remade) keepDefaultsThrough(p, f);
  }
  for (const f of p.to.functions) {
    const old = before.get(signature(f));
    if (old && old.definition === f.definition && !p.remade.has(functionKey(f))) continue;
    if (!old || p.remade.has(functionKey(f))) p.made.add(functionKey(f));
    p.main.push(change(old && !p.remade.has(functionKey(f)) ? 'alter' : 'create', f.kind, `${shownName(f)}(${f.argumentTypes.join(', ')})`, [`${f.definition.trim()};`], {
      spans: f.spans, provides: [functionKey(f)], requires: f.requires,
    }));
  }
}

/**
 * PostgreSQL drops no function a column's default calls: such defaults are dropped before the
 * function is, and set again (as the target has them) once it is made again.
 */
function keepDefaultsThrough(p: Planning, f: SqlFunction): void {
  const calls = new RegExp(`(^|[^\\w."])(${f.schema ? `${escapeRegExp(f.schema)}\\.` : ''}|public\\.)?${escapeRegExp(f.name)}\\s*\\(`);
  const after = byKey(p.to.tables, nameKey);
  for (const table of p.from.tables) {
    for (const column of table.columns) {
      if (column.default === undefined || !calls.test(column.default) || p.dropped.has(relationKey(table))) continue;
      const alter = `ALTER TABLE ${qualified(table)} ALTER COLUMN ${ident(column.name)}`;
      const name = `${shownName(table)}.${column.name}`;
      p.before.push(change('alter', 'default', name, [`${alter} DROP DEFAULT;`], { requires: [functionKey(f)] }));
      const next = after.get(nameKey(table))?.columns.find((c) => c.name === column.name)?.default;
      if (next !== undefined) p.main.push(change('alter', 'default', name, [`${alter} SET DEFAULT ${next};`], { requires: [functionKey(f), relationKey(table)] }));
    }
  }
}

const triggerKey = (t: Trigger) => onTableKey('trigger', t.table, t.name);

export function planTriggers(p: Planning): void {
  const before = byKey(p.from.triggers, triggerKey);
  const after = byKey(p.to.triggers, triggerKey);
  const remade = (t: Trigger) => p.made.has(relationKey(t.table)) || p.made.has(functionKey(t.function));
  for (const t of p.from.triggers) {
    if (p.dropped.has(relationKey(t.table))) continue;
    const next = after.get(triggerKey(t));
    if (next && next.definition === t.definition && !remade(next)) continue;
    p.dropped.add(triggerKey(t));
    p.before.push(change('drop', 'trigger', `${t.name} on ${shownName(t.table)}`, [`DROP TRIGGER ${ident(t.name)} ON ${qualified(t.table)};`], {
      provides: [triggerKey(t)], requires: [relationKey(t.table), functionKey(t.function)],
    }));
  }
  for (const t of p.to.triggers) {
    const old = before.get(triggerKey(t));
    if (old && old.definition === t.definition && !remade(t)) continue;
    p.made.add(triggerKey(t));
    p.main.push(change('create', 'trigger', `${t.name} on ${shownName(t.table)}`, [`${t.definition};`], {
      spans: t.spans, provides: [triggerKey(t)], requires: [relationKey(t.table), functionKey(t.function), ...t.requires],
    }));
  }
}
