// Two canonical models → the ordered changes that turn a database holding the first into one
// holding the second. Order comes from dependencies (PostgreSQL's, read with the models), not
// from a fixed list: what is dropped goes dependents first, what is made comes after what it uses.
import type { Schema } from '../../schema/model.js';
import { orderByDependencies } from '../../pg/order.js';
import type { Change, Plan } from './change.js';
import { planComments } from './comments.js';
import { planRenames, renameHints } from './renames.js';
import { planConstraints } from './constraints.js';
import type { PlanOptions, Planning } from './context.js';
import { dependentsOf } from './dependents.js';
import { planGrants } from './grants.js';
import { planIndexes } from './indexes.js';
import { enumChanges, planCollations, planEnums, planExtensions, planSchemas, planSequences, planTypes, typeChanges } from './objects.js';
import { planPolicies } from './policies.js';
import { functionChanges, planFunctions, planTriggers } from './routines.js';
import { planTables, tableChanges } from './tables.js';
import { planViews, viewChanges } from './views.js';

export function planChanges(from: Schema, to: Schema, options: PlanOptions = {}): Plan {
  const p: Planning = {
    // Renames rewrite the source as if renamed already: the caller's model stays as it was.
    from: options.renames?.length || hasRenames(to) || hasRenames(from) ? structuredClone(from) : from, to, options, renames: [], before: [], main: [], after: [], remade: new Set(), dropped: new Set(), made: new Set(),
  };
  planRenames(p, options.renames ?? []);
  const changed = [...tableChanges(p), ...enumChanges(p), ...typeChanges(p), ...viewChanges(p), ...functionChanges(p)];
  for (const key of dependentsOf(from, changed)) p.remade.add(key);
  // In the order a schema is made in: it is the order changes keep where dependencies allow.
  planSchemas(p);
  planExtensions(p);
  planCollations(p);
  planTypes(p);
  planFunctions(p);
  planTables(p);
  planEnums(p);
  planSequences(p);
  planConstraints(p);
  planViews(p);
  planIndexes(p);
  planTriggers(p);
  planPolicies(p);
  planComments(p);
  planGrants(p);
  const changes = [...p.renames, ...dependentsFirst(p.before), ...orderByDependencies(p.main), ...dependentsFirst(p.after)];
  return { changes, notes: renameHints(p) };
}

const hasRenames = (schema: Schema) => schema.tables.some((t) => t.renamedFrom || t.columns.some((c) => c.renamedFrom));

/** Drops: in the reverse of the order things are made in. */
const dependentsFirst = (changes: Change[]) => orderByDependencies(changes).reverse();
