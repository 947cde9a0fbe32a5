// Comments on objects other than tables, columns, views and enums (those go with their object):
// set where new or changed, set again on what is made again, removed where the object stays.
import type { Comment } from '../../schema/model.js';
import { literal } from '../../pg/quote.js';
import { change } from './change.js';
import { byKey, type Planning } from './context.js';

const commentKey = (c: Comment) => `${c.targetKind} ${c.target}`;
const on = (c: Comment, text: string) => `COMMENT ON ${c.targetKind.toUpperCase()} ${c.target} IS ${text};`;

export function planComments(p: Planning): void {
  const before = byKey(p.from.comments, commentKey);
  const after = byKey(p.to.comments, commentKey);
  for (const c of p.to.comments) {
    const old = before.get(commentKey(c));
    if (old?.text === c.text && !c.requires.some((k) => p.made.has(k))) continue;
    p.main.push(change(old ? 'alter' : 'create', 'comment', `on ${c.targetKind} ${c.target}`, [on(c, literal(c.text))], { spans: c.spans, requires: c.requires }));
  }
  for (const c of p.from.comments) {
    if (after.has(commentKey(c)) || c.requires.some((k) => p.dropped.has(k))) continue;
    p.main.push(change('drop', 'comment', `on ${c.targetKind} ${c.target}`, [on(c, 'NULL')], { requires: c.requires }));
  }
}
