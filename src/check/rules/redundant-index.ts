import { indexLikes, type IndexLike } from '../index-keys.js';
import type { Rule } from '../rule.js';

export const redundantIndex: Rule = {
  meta: {
    code: 'SD502', name: 'redundant-index', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'An index that another index, primary key or unique constraint already provides',
  },
  run({ schema, report }) {
    for (const items of indexLikes(schema).values()) {
      items.forEach((index, position) => {
        if (index.isConstraint) return;
        const other = items.find((o, i) => o !== index && covers(o, index, i < position));
        if (!other) return;
        const same = other.keys.join() === index.keys.join();
        report({
          message: `${index.label} (${index.keys.join(', ')}) is redundant: ${other.label} `
            + (same ? 'indexes the same columns' : `(${other.keys.join(', ')}) starts with the same columns and serves the same lookups`)
            + '; every write pays for both',
          span: index.span,
          related: other.span ? [{ span: other.span, message: `${other.label}` }] : [],
          fix: `drop ${index.label}`,
        });
      });
    }
  },
};

/**
 * Whether `other` makes `index` unnecessary: the same keys, method and predicate (and it
 * enforces uniqueness when `index` does), or a longer b-tree that starts with its keys.
 * Of two identical indexes the later one is the redundant one.
 */
function covers(other: IndexLike, index: IndexLike, otherComesFirst: boolean): boolean {
  if (other.method !== index.method || other.where !== index.where) return false;
  if (index.unique && !(other.unique && other.keys.join() === index.keys.join())) return false;
  if (other.keys.join() === index.keys.join()) return other.isConstraint || otherComesFirst || (other.unique && !index.unique);
  return index.method === 'btree' && other.keys.length > index.keys.length && index.keys.every((k, i) => other.keys[i] === k);
}
