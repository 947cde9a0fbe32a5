// What planning one change of schema keeps track of: the two models, the changes so far in
// their phases, and which objects are dropped, made, or dropped and made again.
import type { ObjectKey, QualifiedName, Schema } from '../../schema/model.js';
import { nameKey, objectKey } from '../../schema/names.js';
import type { Change } from './change.js';
import type { RenameSpec } from './renames.js';

export interface PlanOptions {
  /** Build new indexes on existing tables with CONCURRENTLY (each outside the transaction). */
  concurrently?: boolean;
  /** Renames declared on the command line, besides those the target declares. */
  renames?: RenameSpec[];
}

export interface Planning {
  from: Schema;
  to: Schema;
  options: PlanOptions;
  /**
   * The phases, run in this order: renames; drops of what is changed or goes away and of what
   * depends on it (dependents first); creations and alterations (in dependency order); and the
   * drops of what the alterations stop using (types, sequences, tables, schemas).
   */
  renames: Change[];
  before: Change[];
  main: Change[];
  after: Change[];
  /** Objects of the source that are dropped and made again, with what depends on them. */
  remade: Set<ObjectKey>;
  /** Objects the plan drops, and those it makes (new, or made again): what belongs to them goes with them. */
  dropped: Set<ObjectKey>;
  made: Set<ObjectKey>;
}

export const relationKey = (o: QualifiedName): ObjectKey => objectKey('relation', o);
export const typeKey = (o: QualifiedName): ObjectKey => objectKey('type', o);
export const functionKey = (o: QualifiedName): ObjectKey => objectKey('function', o);
/** A constraint, trigger or policy, by its table: `trigger:public.orders.audit`. */
export const onTableKey = (kind: string, table: QualifiedName, name: string): ObjectKey => `${kind}:${nameKey(table)}.${name}`;

/** Objects by key. */
export function byKey<T>(list: T[], key: (o: T) => string): Map<string, T> {
  return new Map(list.map((o) => [key(o), o]));
}

