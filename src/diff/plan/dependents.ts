// What must be dropped and made again because something it depends on changes in a way
// PostgreSQL does not carry through: a view over a column whose type changes, a function
// whose argument type is rebuilt, a view over such a view … PostgreSQL's own dependencies
// (pg_depend, read with the model) say what uses what.
import type { ObjectKey, Schema } from '../../schema/model.js';
import { functionKey, relationKey } from './context.js';

/** The views and functions of `schema` that depend, directly or through others, on any of `changed`. */
export function dependentsOf(schema: Schema, changed: Iterable<ObjectKey>): Set<ObjectKey> {
  const usedBy = new Map<ObjectKey, ObjectKey[]>();
  const use = (user: ObjectKey, requires: ObjectKey[]) => {
    for (const r of requires) {
      const list = usedBy.get(r);
      if (list) list.push(user);
      else usedBy.set(r, [user]);
    }
  };
  for (const v of schema.views) use(relationKey(v), v.requires);
  for (const f of schema.functions) use(functionKey(f), f.requires);
  const found = new Set<ObjectKey>();
  const queue = [...changed];
  while (queue.length) {
    for (const user of usedBy.get(queue.pop()!) ?? []) {
      if (found.has(user)) continue;
      found.add(user);
      queue.push(user, user.replace(/^relation:/, 'type:'));
    }
  }
  return found;
}
