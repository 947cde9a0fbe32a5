// The tables and views a program reads and writes, each column with what it holds and how an
// INSERT treats it: the part of the schema every TypeScript target is written from.
import type { Column, Constraint, Schema } from '../../schema/model.js';
import { DEFAULT_SCHEMA } from '../../schema/names.js';
import { typeIndex, valueType, type ValueType } from './values.js';

/** `required`: an INSERT must give it; `optional`: the database fills it; `never`: the database alone writes it. */
export type InsertRule = 'required' | 'optional' | 'never';

export interface TypedColumn {
  name: string;
  value: ValueType;
  nullable: boolean;
  insert: InsertRule;
  /** Set by a default or an identity or serial sequence (kysely-codegen's `Generated`). */
  defaulted: boolean;
  /** GENERATED ALWAYS (identity or stored expression): PostgreSQL refuses a value for it. */
  generatedAlways: boolean;
  /** The CHECK constraints on this column alone, with their names. */
  checks: Constraint[];
  /** Its comment, else the document's description of it. */
  comment?: string;
  /** Its name in the application's code, where the document's ORM code gives one: `--casing camel` uses it. */
  property?: string;
  /** The type the document's code declares for a json column, where `jsonTypes` says where it is declared. */
  codeType?: string;
}

export interface TypedRelation {
  schema: string;
  name: string;
  kind: 'table' | 'view' | 'materialized view';
  columns: TypedColumn[];
  /** CHECK constraints over several columns: no one column's validator can hold them. */
  tableChecks: Constraint[];
  comment?: string;
}

export interface RelationOptions {
  /**
   * kysely-codegen's reading: only a column's own NOT NULL and default count (not its domain's),
   * a GENERATED ALWAYS column is one with a default, and tables that inherit, or have no
   * columns, are left out.
   */
  like?: 'kysely-codegen';
}

/** Partitions are left out: a program reads and writes them through their partitioned table. */
export function typedRelations(schema: Schema, options: RelationOptions = {}): TypedRelation[] {
  const like = options.like === 'kysely-codegen';
  const index = typeIndex(schema);
  const relations: TypedRelation[] = [];
  for (const table of schema.tables) {
    if (table.partitionOf || (like && (table.inherits || table.columns.length === 0))) continue;
    const checks = table.constraints.filter((c) => c.kind === 'check' && !c.notValid);
    const columns = table.columns.map((c) => tableColumn(c, checks.filter((k) => k.columns.length === 1 && k.columns[0] === c.name), index, like));
    const comment = table.comment ?? table.description;
    relations.push({
      schema: table.schema ?? DEFAULT_SCHEMA, name: table.name, kind: 'table', columns,
      tableChecks: checks.filter((k) => k.columns.length !== 1),
      ...(comment !== undefined ? { comment } : {}),
    });
  }
  for (const view of schema.views) {
    // PostgreSQL cannot tell whether a view's column may be null: every one may.
    if (like && !view.columns?.length) continue;
    const columns = (view.columns ?? []).map((c): TypedColumn => ({
      name: c.name, value: valueType(c.type, index), nullable: true, insert: 'never', defaulted: false, generatedAlways: false, checks: [],
      ...(c.comment !== undefined ? { comment: c.comment } : {}),
    }));
    relations.push({
      schema: view.schema ?? DEFAULT_SCHEMA, name: view.name, kind: view.materialized ? 'materialized view' : 'view', columns, tableChecks: [],
      ...(view.comment !== undefined ? { comment: view.comment } : {}),
    });
  }
  return relations.sort((a, b) => (a.schema === b.schema ? compare(a.name, b.name) : compare(a.schema, b.schema)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function tableColumn(c: Column, checks: Constraint[], index: ReturnType<typeof typeIndex>, like: boolean): TypedColumn {
  const value = valueType(c.type, index);
  const generatedAlways = !like && (c.generated !== undefined || c.identity === 'always');
  const domains = like ? [] : value.domains;
  const defaulted = c.default !== undefined || c.identity !== undefined || (like && c.generated !== undefined) || domains.some((d) => d.domain!.default !== undefined);
  // A domain's NOT NULL holds as the column's own does.
  const nullable = !c.notNull && !domains.some((d) => d.domain!.notNull);
  const insert: InsertRule = generatedAlways ? 'never' : defaulted || nullable ? 'optional' : 'required';
  const comment = c.comment ?? c.description;
  return {
    name: c.name, value, nullable, insert, defaulted: defaulted || generatedAlways, generatedAlways, checks,
    ...(comment !== undefined ? { comment } : {}),
    ...(c.property !== undefined ? { property: c.property } : {}),
    ...(c.codeType !== undefined && value.kind === 'json' ? { codeType: c.codeType } : {}),
  };
}
