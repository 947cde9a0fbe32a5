import type { Relationship } from './mermaid.js';
import type { ModelInterface } from './ts-interfaces.js';
import type {
  Claim, Column, PageLink, Comment, Constraint, Convention, DeclaredFunction, DefinedObject, EnumType, Example, Extension, Index, Policy,
  QualifiedName, SchemaNamespace, ScriptStatement, Span, SqlFunction, Table, Trigger, TypeRef, View,
} from '../schema/model.js';

/** What a DROP or RENAME names: an object, or a part of a table (`on`). */
export interface ObjectTarget {
  kind: 'table' | 'view' | 'materialized view' | 'index' | 'sequence' | 'type' | 'function' | 'schema' | 'extension'
    | 'trigger' | 'policy' | 'constraint' | 'column' | 'other';
  name: QualifiedName;
  /** The table a trigger, policy, constraint or column belongs to. */
  on?: QualifiedName;
}

/** `CREATE TABLE … (LIKE source INCLUDING …)`: the columns (and what is included) come from `table`. */
export interface LikeClause {
  table: QualifiedName;
  defaults: boolean;
  constraints: boolean;
  indexes: boolean;
}

/**
 * What a reader says about the schema, one fact or object at a time, with where it said it.
 * `merge` turns the fragments of every block of every document into one Schema.
 */
export type Fragment =
  /**
   * One statement of the document's SQL, and what it says about the schema. `modeled`: the
   * model holds all it does, so that what the model writes can stand in for it.
   * `repaired`: schemadoc read it as other SQL than written, so the model's version is applied.
   * `ifExists`: the table of ALTER TABLE IF EXISTS, which does nothing where the table is not there.
   */
  | { kind: 'script'; statement: ScriptStatement; fragments: Fragment[]; modeled: boolean; repaired?: boolean; ifExists?: QualifiedName }
  /** `SET name …`, `set_config('name', …, false)`; no `sql` for `RESET` (`name` is `all` for RESET ALL). */
  | { kind: 'setting'; name: string; sql?: string; value?: string; span: Span }
  | { kind: 'drop'; target: ObjectTarget; missingOk: boolean; cascade: boolean; span: Span }
  | { kind: 'rename'; target: ObjectTarget; to: string; span: Span }
  | { kind: 'attach-partition'; table: QualifiedName; partition: QualifiedName; bound: string; span: Span }
  | { kind: 'detach-partition'; table: QualifiedName; partition: QualifiedName; span: Span }
  | { kind: 'enum-value'; enum: QualifiedName; value: string; before?: string; after?: string; renames?: string; span: Span }
  | { kind: 'table'; table: Table; like?: LikeClause[]; ifNotExists?: boolean }
  | { kind: 'add-column'; table: QualifiedName; column: Column }
  /** `only`: ALTER TABLE ONLY, not passed on to partitions. */
  | { kind: 'add-constraint'; table: QualifiedName; constraint: Constraint; only?: boolean }
  | {
    kind: 'alter-column'; table: QualifiedName; column: string; default?: string | null; notNull?: boolean; type?: TypeRef;
    identity?: Column['identity'] | null; span: Span;
  }
  | { kind: 'row-level-security'; table: QualifiedName; enable?: boolean; force?: boolean; span: Span }
  | { kind: 'schema'; schema: SchemaNamespace; ifNotExists?: boolean }
  | { kind: 'extension'; extension: Extension; ifNotExists?: boolean }
  | { kind: 'enum'; enum: EnumType }
  | { kind: 'type'; type: DefinedObject }
  | { kind: 'sequence'; sequence: DefinedObject; ifNotExists?: boolean }
  | { kind: 'index'; index: Index; ifNotExists?: boolean }
  | { kind: 'view'; view: View; replace?: boolean }
  | { kind: 'function'; function: SqlFunction; replace?: boolean }
  | { kind: 'trigger'; trigger: Trigger; replace?: boolean }
  | { kind: 'policy'; policy: Policy }
  | { kind: 'comment'; comment: Comment }
  | { kind: 'declared-function'; function: DeclaredFunction }
  | { kind: 'rls-all-tables'; span: Span }
  | { kind: 'relationship'; relationship: Relationship }
  /** A diagram marks the column as a foreign key (which table it references is for the relationships to say). */
  | { kind: 'foreign-key-hint'; table: QualifiedName; column: string; span: Span }
  | { kind: 'model-interface'; model: ModelInterface }
  /** A comment beside a column says it references a table (`-- References users(id)`). */
  | { kind: 'stated-reference'; table: QualifiedName; column: string; references: QualifiedName; span: Span }
  /** Validation code (`Joi.string().min(4).max(15)`) states the lengths a field may have. */
  | { kind: 'stated-length'; field: string; min?: number; max: number; span: Span }
  | { kind: 'example'; example: Example }
  | { kind: 'convention'; convention: Convention }
  | { kind: 'claim'; claim: Claim }
  | { kind: 'page-link'; link: PageLink }
  /** The paragraph under a table's heading: what the table is, in the document's words. */
  | { kind: 'table-description'; table: string; text: string };

/** The tables fragments define, those of SQL statements included. */
export function definedTables(fragments: Fragment[]): Table[] {
  const tables: Table[] = [];
  for (const f of fragments) {
    if (f.kind === 'table') tables.push(f.table);
    else if (f.kind === 'script') for (const inner of f.fragments) if (inner.kind === 'table') tables.push(inner.table);
  }
  return tables;
}
