// Fragments from every block of every document → one Schema, with a diagnostic for every
// definition that repeats or contradicts another.
import type { Diagnostic } from '../schema/diagnostic.js';
import {
  emptySchema, type Constraint, type QualifiedName, type Schema, type Span, type Table,
} from '../schema/model.js';
import { displayName, nameKey, objectKey, sameName, tableOf } from '../schema/names.js';
import type { Fragment } from '../read/fragment.js';
import { leaveOutUndefinedCalls } from './calls.js';
import { adoptSqlNames, resolveReferences } from './resolve.js';
import { compareRepresentations } from './diagram.js';
import { mergeTables, type MergedTables } from './tables.js';
import { compareModels } from './models.js';
import { compareStatedFacts } from './stated.js';
import { Script, type Deferred } from './script.js';
import { alterColumn, setRowLevelSecurity } from './table-changes.js';
import { markKeyColumns } from '../schema/key-columns.js';
import { SUPABASE_TABLES, usesSupabase } from '../schema/supabase.js';
import type { ModelInterface } from '../read/ts-interfaces.js';
import type { Relationship } from '../read/mermaid.js';

export interface MergeResult {
  schema: Schema;
  diagnostics: Diagnostic[];
}

export function merge(fragments: Fragment[]): MergeResult {
  const schema = emptySchema();
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Span>();
  let rlsAllTables: Span | undefined;
  // The SQL first, in order, as PostgreSQL runs it; then the other representations.
  const script = new Script(schema, diagnostics, seen);
  const read = script.read(fragments);
  // Tables first, so that ALTER TABLE anywhere in the document finds its table.
  const merged = mergeTables([...read.tables, ...read.rest.flatMap((f) => (f.kind === 'table' ? [f.table] : []))]);
  const m: Merging = { merged, diagnostics, seen, script };
  schema.tables = merged.tables;
  diagnostics.push(...merged.diagnostics);
  script.resolveForward((name) => SUPABASE_TABLES[displayName(name)] !== undefined && usesSupabase(schema));
  for (const deferred of read.deferred) alterLater(m, deferred);
  const relationships: Relationship[] = [];
  const foreignKeyHints: { table: QualifiedName; column: string; span: Span }[] = [];
  const models: ModelInterface[] = [];
  const stated: Extract<Fragment, { kind: 'stated-reference' | 'stated-length' }>[] = [];
  const descriptions: Extract<Fragment, { kind: 'table-description' }>[] = [];

  for (const f of read.rest) {
    switch (f.kind) {
      case 'table':
        break;
      case 'add-column':
      case 'add-constraint':
      case 'alter-column':
      case 'row-level-security':
        alter(m, f);
        break;
      case 'schema':
        if (f.schema.name !== 'public' && first(m, 'schema', { name: f.schema.name }, f.schema.spans)) schema.schemas.push(f.schema);
        break;
      case 'extension': {
        const existing = schema.extensions.find((e) => e.name === f.extension.name);
        if (!existing) schema.extensions.push(f.extension);
        else if (existing.implied && !f.extension.implied) Object.assign(existing, f.extension);
        break;
      }
      case 'enum':
        if (first(m, 'type', f.enum, f.enum.spans)) schema.enums.push(f.enum);
        break;
      case 'type':
        if (first(m, 'type', f.type, f.type.spans)) schema.types.push(f.type);
        break;
      case 'sequence':
        if (first(m, 'sequence', f.sequence, f.sequence.spans)) schema.sequences.push(f.sequence);
        break;
      case 'index':
        if (!f.index.name || first(m, 'index', f.index, f.index.spans)) schema.indexes.push(f.index);
        break;
      case 'view':
        if (first(m, 'view', f.view, f.view.spans)) schema.views.push(f.view);
        break;
      case 'function': {
        const signature = { ...f.function, name: `${f.function.name}(${f.function.argumentTypes.join(', ')})` };
        if (first(m, 'function', signature, f.function.spans)) schema.functions.push(f.function);
        break;
      }
      case 'trigger':
        if (first(m, 'trigger', { ...f.trigger.table, name: `${f.trigger.name} on ${displayName(f.trigger.table)}` }, f.trigger.spans)) {
          schema.triggers.push(f.trigger);
        }
        break;
      case 'policy':
        if (first(m, 'policy', { ...f.policy.table, name: `${f.policy.name} on ${displayName(f.policy.table)}` }, f.policy.spans)) {
          schema.policies.push(f.policy);
        }
        break;
      case 'comment':
        schema.comments.push(f.comment);
        break;
      case 'example':
        schema.examples.push(f.example);
        break;
      case 'convention':
        schema.conventions.push(f.convention);
        break;
      case 'claim':
        schema.claims.push(f.claim);
        break;
      case 'page-link':
        schema.pageLinks.push(f.link);
        break;
      case 'table-description':
        descriptions.push(f);
        break;
      case 'declared-function':
        if (!schema.declaredFunctions.some((d) => sameName(d, f.function))) schema.declaredFunctions.push(f.function);
        break;
      case 'rls-all-tables':
        rlsAllTables ??= f.span;
        break;
      case 'relationship':
        relationships.push(f.relationship);
        break;
      case 'foreign-key-hint':
        foreignKeyHints.push(f);
        break;
      case 'model-interface':
        models.push(f.model);
        break;
      case 'stated-reference':
      case 'stated-length':
        stated.push(f);
        break;
    }
  }

  script.resolveCopies((name) => merged.find(name));
  if (descriptions.length) {
    const tables = new Map(schema.tables.map((t) => [nameKey(t), t]));
    for (const { table, text } of descriptions) {
      const described = tables.get(nameKey(tableOf(table)));
      if (described) described.description ??= text;
    }
  }
  if (rlsAllTables) {
    for (const table of schema.tables) {
      if (table.rowLevelSecurity) continue;
      table.rowLevelSecurity = true;
      script.unscript(table);
    }
    diagnostics.push({
      code: 'SD211', severity: 'info', span: rlsAllTables,
      message: `the document says row-level security is enabled on all tables: schemadoc enables it on all ${schema.tables.length}`,
    });
  }
  for (const e of schema.extensions.filter((x) => x.implied)) {
    diagnostics.push({
      code: 'SD210', severity: 'info', span: e.spans[0],
      message: `uses ${e.name} without CREATE EXTENSION; schemadoc creates the extension "${e.name}" first`,
      fix: `CREATE EXTENSION IF NOT EXISTS "${e.name}";`,
    });
  }
  diagnostics.push(...adoptSqlNames(schema));
  const comparison = compareRepresentations(merged, relationships, foreignKeyHints);
  diagnostics.push(...comparison.diagnostics, ...compareModels(merged, models));
  diagnostics.push(...compareStatedFacts(schema, merged, stated));
  schema.tables = schema.tables.filter((t) => !comparison.removed.has(t));
  const resolved = resolveReferences(schema);
  for (const object of resolved.repaired) script.unscript(object);
  const calls = leaveOutUndefinedCalls(schema);
  for (const policy of calls.leftOut) script.leaveOut(policy);
  diagnostics.push(...resolved.diagnostics, ...calls.diagnostics);
  schema.script = script.finish();
  return { schema, diagnostics };
}

// The work per fragment is done by functions of the module rather than closures made per
// merge: their optimized code outlives a full collection, a closure's does not.

interface Merging {
  merged: MergedTables;
  diagnostics: Diagnostic[];
  /** Where each object was first defined, by `objectKey`. */
  seen: Map<string, Span>;
  script: Script;
}

type Alteration = Extract<Fragment, { kind: 'add-column' | 'add-constraint' | 'alter-column' | 'row-level-security' }>;

/** A change from another representation (or from SQL that names a table its own SQL does not create). */
function alter(m: Merging, f: Alteration): Table | undefined {
  const span = f.kind === 'add-column' ? f.column.spans[0]! : f.kind === 'add-constraint' ? f.constraint.spans[0]! : f.span;
  const table = m.merged.find(f.table);
  if (!table) {
    m.diagnostics.push({
      code: 'SD201', severity: 'error', span,
      message: `table ${displayName(f.table)} is altered here but never created in the document`,
    });
    return undefined;
  }
  // The table's own statement no longer says all of it: the model's version is written.
  m.script.unscript(table);
  switch (f.kind) {
    case 'add-column':
      if (!table.columns.some((c) => c.name === f.column.name)) table.columns.push(f.column);
      break;
    case 'add-constraint':
      addConstraint(table, f.constraint);
      markKeyColumns(table);
      break;
    case 'alter-column': {
      const column = table.columns.find((c) => c.name === f.column);
      if (column) alterColumn(column, f);
      break;
    }
    case 'row-level-security':
      setRowLevelSecurity(table, f);
  }
  return table;
}

/** An ALTER whose table the SQL had not created where it stands: another representation's table takes the change in. */
function alterLater(m: Merging, deferred: Deferred): void {
  const f = deferred.fragment;
  const table = f.kind === 'add-column' || f.kind === 'add-constraint' || f.kind === 'alter-column' || f.kind === 'row-level-security'
    ? alter(m, f) : undefined;
  if (table) m.script.absorbed(deferred);
  else m.script.drop(deferred.statement);
}


/** True for the first object of its kind and name; a later one is reported and left out. */
function first(m: Merging, kind: string, name: QualifiedName, spans: Span[]): boolean {
  const key = objectKey(kind, name);
  const earlier = m.seen.get(key);
  if (earlier) {
    m.diagnostics.push({
      code: 'SD202', severity: 'warning', span: spans[0],
      message: `${kind} ${displayName(name)} is defined again; the first definition is used`,
      related: [{ span: earlier, message: 'first defined here' }],
    });
    return false;
  }
  if (spans[0]) m.seen.set(key, spans[0]);
  return true;
}

/**
 * A constraint stated twice (a column table's FK and a `**Constraints**:` bullet) is one
 * constraint: what the second says in addition (ON DELETE, a name) completes the first.
 */
function addConstraint(table: Table, constraint: Constraint): void {
  const same = table.constraints.find((c) => c.kind === constraint.kind
    && c.columns.join() === constraint.columns.join()
    && (c.kind !== 'foreign key' || sameName(c.references!, constraint.references!))
    && (c.kind !== 'check' || c.expression === constraint.expression));
  if (!same) {
    table.constraints.push(constraint);
    return;
  }
  const spans = [...same.spans, ...constraint.spans];
  Object.assign(same, { ...constraint, ...same, ...definedOnly(constraint), spans });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
