// Two versions of a document mostly say the same thing, statement for statement. What
// PostgreSQL makes of a statement that both run alike, after the same statements, is the
// same: only the part of each version that differs needs running to be compared — the
// statements only one version has, what depends on them, and what they need made first —
// and that part is the same statements on both sides wherever the two agree. Where the
// part cannot be told (session settings change what statements mean, the Supabase
// stand-in wraps the whole, privileges change), there is none, and the versions are run whole.
import type { DdlStatement } from '../pg/emit.js';
import type { ObjectKey, StatementKind } from '../schema/model.js';

/** What is made of what it uses, and changes with it. */
const DERIVED = new Set<StatementKind>(['view', 'materialized view', 'function', 'type']);

/** Made of a changed object: a view, function or type over it, or a table with a column of a changed type. */
const derived = (s: DdlStatement, touched: Set<ObjectKey>) =>
  s.requires.some((k) => touched.has(k) && (DERIVED.has(s.kind) || (s.kind === 'table' && k.startsWith('type:'))));

const unmodelled = (s: DdlStatement) => s.kind === 'statement' && s.provides.length === 0 && /^\s*create\b/i.test(s.sql);

/** The statements to run of each version, or undefined to run both whole. */
export function changedParts(a: DdlStatement[], b: DdlStatement[]): [DdlStatement[], DdlStatement[]] | undefined {
  if ([...a, ...b].some((s) => s.origin === 'setting')) return undefined;
  const [textsA, textsB] = [new Set(a.map((s) => s.sql)), new Set(b.map((s) => s.sql))];
  const changed = [...a.filter((s) => !textsB.has(s.sql)), ...b.filter((s) => !textsA.has(s.sql))];
  if (changed.length === 0) return [[], []];
  // Whether privileges are planned at all depends on what the whole document grants.
  if (changed.some((s) => /^\s*(grant|revoke)\b/i.test(s.sql))) return undefined;
  // What the changed statements make, and what is made of it (views, functions, types over it, tables
  // with columns of its type), on either side. A table that refers to a changed one by a foreign key
  // runs (its key may be made again) but does not change with it.
  const touched = new Set<ObjectKey>(changed.flatMap((s) => s.provides));
  for (let grown = true; grown;) {
    grown = false;
    for (const s of [...a, ...b]) {
      if (!derived(s, touched) || s.provides.every((k) => touched.has(k))) continue;
      for (const k of s.provides) touched.add(k);
      grown = true;
    }
  }
  // What the model makes nothing of (CREATE COLLATION, CREATE OPERATOR …) may be used by anything: it runs on both sides.
  let selected = new Set<string>([...changed, ...[...a, ...b].filter(unmodelled)].map((s) => s.sql));
  for (const s of [...a, ...b]) if (s.requires.some((k) => touched.has(k)) || s.provides.some((k) => touched.has(k))) selected.add(s.sql);
  // What the part needs made first, on each side; a statement one side needs, both run.
  const [providersA, providersB] = [providers(a), providers(b)];
  for (;;) {
    const next = new Set([...withRequirements(a, providersA, selected), ...withRequirements(b, providersB, selected)]);
    if (next.size === selected.size) break;
    selected = next;
  }
  return [a.filter((s) => selected.has(s.sql)), b.filter((s) => selected.has(s.sql))];
}

/** The statements that make each object. */
function providers(statements: DdlStatement[]): Map<ObjectKey, DdlStatement[]> {
  const found = new Map<ObjectKey, DdlStatement[]>();
  for (const s of statements) {
    for (const k of s.provides) {
      const list = found.get(k);
      if (list) list.push(s);
      else found.set(k, [s]);
    }
  }
  return found;
}

/** The statements selected, and every statement that makes what they use, transitively. */
function withRequirements(statements: DdlStatement[], providers: Map<ObjectKey, DdlStatement[]>, selected: Set<string>): Set<string> {
  const out = new Set(selected);
  const queue = statements.filter((s) => selected.has(s.sql));
  while (queue.length) {
    const next = queue.pop()!;
    // What it makes, it makes in its schema.
    const schemas = next.provides.map((k) => /^[a-z ]+:([^.]+)\./.exec(k)?.[1]).filter((n): n is string => Boolean(n)).map((n) => `schema:${n}`);
    for (const k of [...next.requires, ...schemas]) {
      for (const provider of providers.get(k) ?? []) {
        if (out.has(provider.sql)) continue;
        out.add(provider.sql);
        queue.push(provider);
      }
    }
  }
  return out;
}
