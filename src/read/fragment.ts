import type { Relationship } from './mermaid.js';
import type { ModelInterface } from './ts-interfaces.js';
import type {
  Column, Comment, Constraint, Convention, DeclaredFunction, DefinedObject, EnumType, Example, Extension, Index, Policy,
  QualifiedName, SchemaNamespace, Span, SqlFunction, Table, Trigger, View,
} from '../schema/model.js';

/**
 * What a reader says about the schema, one fact or object at a time, with where it said it.
 * `merge` turns the fragments of every block of every document into one Schema.
 */
export type Fragment =
  | { kind: 'table'; table: Table }
  | { kind: 'add-column'; table: QualifiedName; column: Column }
  | { kind: 'add-constraint'; table: QualifiedName; constraint: Constraint }
  | { kind: 'alter-column'; table: QualifiedName; column: string; default?: string | null; notNull?: boolean; span: Span }
  | { kind: 'row-level-security'; table: QualifiedName; enable?: boolean; force?: boolean; span: Span }
  | { kind: 'schema'; schema: SchemaNamespace }
  | { kind: 'extension'; extension: Extension }
  | { kind: 'enum'; enum: EnumType }
  | { kind: 'type'; type: DefinedObject }
  | { kind: 'sequence'; sequence: DefinedObject }
  | { kind: 'index'; index: Index }
  | { kind: 'view'; view: View }
  | { kind: 'function'; function: SqlFunction }
  | { kind: 'trigger'; trigger: Trigger }
  | { kind: 'policy'; policy: Policy }
  | { kind: 'comment'; comment: Comment }
  | { kind: 'statement'; statement: DefinedObject }
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
  | { kind: 'convention'; convention: Convention };
