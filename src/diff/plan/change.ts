// A plan is a list of changes, each one step a person can read: what it does, the statements
// that do it, and what it risks on a database that has data.
import type { ObjectKey, Span } from '../../schema/model.js';
import type { Hazard } from './hazards.js';

export interface Change {
  action: 'create' | 'drop' | 'alter' | 'rename';
  /** `table`, `column`, `index`, `enum` … */
  kind: string;
  /** As a person reads it: `users.email`, `billing.invoice_status`. */
  name: string;
  statements: string[];
  hazards: Hazard[];
  /** Statements PostgreSQL refuses in a transaction block (`CREATE INDEX CONCURRENTLY`). */
  outsideTransaction?: boolean;
  /** Where the target document states the object. */
  spans: Span[];
  /** For ordering: what it makes, and what must be made before it. */
  provides: ObjectKey[];
  requires: ObjectKey[];
}

export interface Plan {
  changes: Change[];
  /** Drops and additions that look like renames, with the annotation that would declare one. */
  notes: string[];
}

export function change(action: Change['action'], kind: string, name: string, statements: string[], more: Partial<Change> = {}): Change {
  return { action, kind, name, statements, hazards: [], spans: [], provides: [], requires: [], ...more };
}
