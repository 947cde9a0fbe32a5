// Views and materialized views: made, dropped, or dropped and made again when their query or
// kind changes or something they use is rebuilt (PostgreSQL cannot alter a view's columns).
import type { ObjectKey, View } from '../../schema/model.js';
import { literal, qualified } from '../../pg/quote.js';
import { comparableQuery } from '../view-text.js';
import { change } from './change.js';
import { byKey, relationKey, typeKey, type Planning } from './context.js';
import { nameKey, shownName } from '../../schema/names.js';

const sameView = (a: View, b: View) => a.materialized === b.materialized && (a.query === b.query || comparableQuery(a.query) === comparableQuery(b.query));

/** The views that go or change. */
export function viewChanges(p: Planning): ObjectKey[] {
  const after = byKey(p.to.views, nameKey);
  const changed: ObjectKey[] = [];
  for (const view of p.from.views) {
    const other = after.get(nameKey(view));
    if (other && sameView(view, other)) continue;
    changed.push(relationKey(view), typeKey(view));
    if (other) p.remade.add(relationKey(view));
  }
  return changed;
}

export function planViews(p: Planning): void {
  const before = byKey(p.from.views, nameKey);
  const kind = (v: View) => (v.materialized ? 'MATERIALIZED VIEW' : 'VIEW');
  for (const view of p.from.views) {
    const key = relationKey(view);
    if (p.to.views.some((v) => nameKey(v) === nameKey(view)) && !p.remade.has(key)) continue;
    p.dropped.add(key);
    p.before.push(change('drop', kind(view).toLowerCase(), shownName(view), [`DROP ${kind(view)} ${qualified(view)};`], {
      provides: [key, typeKey(view)], requires: view.requires,
    }));
  }
  for (const view of p.to.views) {
    const old = before.get(nameKey(view));
    const statements: string[] = [];
    if (!old || p.remade.has(relationKey(view))) {
      p.made.add(relationKey(view));
      statements.push(`${view.definition};`);
      if (view.comment !== undefined) statements.push(`COMMENT ON ${kind(view)} ${qualified(view)} IS ${literal(view.comment)};`);
    } else if (old.comment !== view.comment) {
      statements.push(`COMMENT ON ${kind(view)} ${qualified(view)} IS ${view.comment === undefined ? 'NULL' : literal(view.comment)};`);
    }
    if (statements.length) {
      p.main.push(change(old && !p.remade.has(relationKey(view)) ? 'alter' : 'create', kind(view).toLowerCase(), shownName(view), statements, {
        spans: view.spans, provides: [relationKey(view), typeKey(view)], requires: view.requires,
      }));
    }
  }
}
