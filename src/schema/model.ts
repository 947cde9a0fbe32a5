// The schema model: plain, serializable data. Every command goes through it.
// Expressions and bodies are kept as SQL text (as PostgreSQL's grammar prints them),
// names as PostgreSQL stores them (after case folding).

/** Where in a document a fact was stated. Lines and columns are 1-based. */
export interface Span {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Which representation stated it: sql, column-table, diagram, code … */
  source: SourceKind;
}

export type SourceKind = 'sql' | 'column-table' | 'bullets' | 'diagram' | 'code' | 'prose';

/** A possibly schema-qualified name. `schema` is absent when the document did not say. */
export interface QualifiedName {
  schema?: string;
  name: string;
}

/** Read-only: columns of the same type may share one; a column that changes type gets a new one. */
export interface TypeRef {
  /** Type name as written, folded: `varchar`, `int4`, `timestamptz`, `user_status`. */
  readonly name: string;
  readonly schema?: string;
  /** Modifiers as SQL text: `['15', '2']` for numeric(15,2). */
  readonly modifiers: readonly string[];
  readonly arrayDimensions: number;
  /** The type as SQL: `numeric(15, 2)`, `text[]`, `public.user_status`. */
  readonly sql: string;
}

export interface Column {
  name: string;
  type: TypeRef;
  notNull: boolean;
  default?: string;
  identity?: 'always' | 'by default';
  generated?: string;
  collation?: string;
  comment?: string;
  /** A child table's copy of its parent's column, not declared on the child: read from a database. */
  inherited?: boolean;
  /** The name it had, as the document declares (`renamed from old_name`): a change renames it. */
  renamedFrom?: string;
  /** How its values convert when a change gives it this type, as the document says (`using (cents / 100.0)::numeric`). */
  using?: string;
  /** What sets it on every update when the database does not: `TypeORM @UpdateDateColumn`. */
  maintainedBy?: string;
  /** The name the document's ORM code gives it (`firstName` for `first_name`): generated TypeScript uses it. */
  property?: string;
  /** What the document's prose says of it (a column table's description): generated TypeScript's JSDoc. */
  description?: string;
  /** The TypeScript type the document's ORM code declares for it, where it names one (`UserSettings` for a jsonb column). */
  codeType?: string;
  spans: Span[];
}

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export interface ForeignKeyTarget extends QualifiedName {
  columns: string[];
}

export interface Constraint {
  /** Absent when the document did not name it: PostgreSQL then chooses the name. */
  name?: string;
  kind: 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclude';
  columns: string[];
  references?: ForeignKeyTarget;
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  match?: 'full' | 'partial' | 'simple';
  /** CHECK expression, or the whole EXCLUDE clause. */
  expression?: string;
  nullsNotDistinct?: boolean;
  deferrable?: boolean;
  initiallyDeferred?: boolean;
  /** NOT VALID as written in the document. */
  notValid?: boolean;
  /** A partition's or child table's copy of its parent's constraint: PostgreSQL makes it. */
  inherited?: boolean;
  /** As `pg_get_constraintdef` prints it: set on what is read from a database. */
  definition?: string;
  spans: Span[];
}

/**
 * Made by a statement of the document's SQL (`Schema.script`), which apply runs as written:
 * emitting the schema does not write it again. Absent on what other representations describe,
 * and on what schemadoc had to repair.
 */
export interface Written {
  asWritten?: boolean;
}

export interface Table extends QualifiedName, Written {
  columns: Column[];
  constraints: Constraint[];
  rowLevelSecurity: boolean;
  forceRowLevelSecurity: boolean;
  unlogged?: boolean;
  /** Parent tables (INHERITS) and the partitioning clause, as SQL. */
  inherits?: QualifiedName[];
  partitionBy?: string;
  /** The partitioned table it is a partition of, and its bound (`FOR VALUES FROM (…) TO (…)`). */
  partitionOf?: { table: QualifiedName; bound: string };
  comment?: string;
  /** What the document's prose says of it: the paragraph under its heading. */
  description?: string;
  /** Types and functions its columns use (foreign keys are constraints, not requirements). */
  requires: ObjectKey[];
  /** The name it had, as the document declares (`renamed from old_name`): a change renames it. */
  renamedFrom?: string;
  /** Other names the document uses for it: the model or entity it is the table of (`Post` for `blog_post`). */
  aliases?: string[];
  spans: Span[];
}

export interface IndexKey {
  /** A column name, or an expression (SQL) when `expression` is true. */
  column?: string;
  expression?: string;
  descending?: boolean;
  nullsFirst?: boolean;
  opclass?: string;
  collation?: string;
}

export interface Index extends QualifiedName, Written {
  table: QualifiedName;
  unique: boolean;
  method: string;
  keys: IndexKey[];
  include: string[];
  where?: string;
  nullsNotDistinct?: boolean;
  /** As `pg_get_indexdef` prints it: set on what is read from a database. */
  definition?: string;
  /** The functions its expressions call, where known (read from a database). */
  requires?: ObjectKey[];
  spans: Span[];
}

export interface EnumType extends QualifiedName, Written {
  values: string[];
  comment?: string;
  spans: Span[];
}

/** An object that schemadoc keeps as its definition text: domains, composite types,
 * sequences, functions, triggers, views. `requires` lists what it depends on. */
export interface DefinedObject extends QualifiedName, Written {
  definition: string;
  requires: ObjectKey[];
  spans: Span[];
}

export interface View extends DefinedObject {
  materialized: boolean;
  query: string;
  comment?: string;
  /** Its columns as PostgreSQL derives them from the query: set on what is read from a database. */
  columns?: Column[];
}

/** A domain's base type and rules: set on what is read from a database. */
export interface DomainShape {
  base: TypeRef;
  default?: string;
  notNull: boolean;
  /** Its CHECK expressions, on `VALUE`, as PostgreSQL prints them. */
  checks: string[];
}

/** A domain, composite or range type. */
export interface UserType extends DefinedObject {
  domain?: DomainShape;
}

export interface SqlFunction extends DefinedObject {
  kind: 'function' | 'procedure' | 'aggregate';
  /** Argument types as SQL, for COMMENT ON and DROP. */
  argumentTypes: string[];
  language: string;
}

export interface Trigger extends DefinedObject {
  table: QualifiedName;
  function: QualifiedName;
}

export interface Policy extends Written {
  name: string;
  table: QualifiedName;
  command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  permissive: boolean;
  roles: string[];
  using?: string;
  withCheck?: string;
  requires: ObjectKey[];
  spans: Span[];
}

export interface Extension extends Written {
  name: string;
  schema?: string;
  /** As the document's `CREATE EXTENSION … VERSION` states it, or as a database has it installed. */
  version?: string;
  /** True when the document uses the extension without creating it. */
  implied: boolean;
  spans: Span[];
}

export interface SchemaNamespace extends Written {
  name: string;
  spans: Span[];
}

export interface Comment extends Written {
  targetKind: 'table' | 'column' | 'view' | 'materialized view' | 'index' | 'type' | 'collation' | 'function' | 'aggregate' | 'schema' | 'sequence' | 'trigger' | 'policy' | 'constraint' | 'extension';
  /** The COMMENT ON target as SQL, e.g. `users.email`. */
  target: string;
  text: string;
  requires: ObjectKey[];
  spans: Span[];
}

/**
 * A privilege granted on an object to a role other than its owner (what the owner has, it has
 * by owning it): one privilege per grant, so that two sets compare entry by entry.
 */
export interface Grant {
  /** `TABLE`, `SEQUENCE`, `FUNCTION`, `PROCEDURE`, `SCHEMA`: as GRANT names the kind. */
  objectKind: 'TABLE' | 'SEQUENCE' | 'FUNCTION' | 'PROCEDURE' | 'SCHEMA';
  /** The object as SQL: `public.users`, `public.total(integer)`. */
  object: string;
  /** A role name, or `PUBLIC`. */
  grantee: string;
  /** `SELECT`, `INSERT`, `EXECUTE`, `USAGE` … */
  privilege: string;
  grantable: boolean;
  /** The object, for ordering: granted after it is made. */
  requires: ObjectKey[];
  spans: Span[];
}

/** A function the document describes by its signature only (a heading, a list item): not created. */
export interface DeclaredFunction extends QualifiedName {
  signature: string;
  spans: Span[];
}

/** A statement in the document that is not schema (SELECT, INSERT, VACUUM, psql commands). */
export interface Example {
  sql: string;
  /** The statement as PostgreSQL can run it, where that differs from how it is written (`:id` → `$1`). */
  runAs?: string;
  statementKind: string;
  /** The session settings where it stands. */
  settings?: Setting[];
  spans: Span[];
}

/** What a statement of the script is, for messages and summaries. */
export type StatementKind =
  | 'schema' | 'extension' | 'type' | 'collation' | 'sequence' | 'table' | 'constraint' | 'foreign key' | 'index' | 'view'
  | 'materialized view' | 'function' | 'trigger' | 'row level security' | 'policy' | 'statement' | 'comment' | 'setting';

/**
 * A session setting in force where a statement stands, made by a `SET` (or `set_config`) before it:
 * `search_path` decides where unqualified names are created and found, `check_function_bodies`
 * whether function bodies are checked. `sql` is the statement that set it, as written.
 */
export interface Setting {
  name: string;
  sql: string;
}

/**
 * A statement of the document's SQL, kept as written and run where it stands: the script is
 * what PostgreSQL runs, the rest of the model what it makes of it. The text is the document's
 * own (or the PostgreSQL that schemadoc read MySQL or SQL Server syntax as).
 */
export interface ScriptStatement {
  sql: string;
  kind: StatementKind;
  /** What it creates or changes, for messages: `public.users`, `ALTER TABLE public.film OWNER TO postgres`. */
  name: string;
  /** What it creates, and what it needs created before it (resolved with the search_path in force). */
  provides: ObjectKey[];
  requires: ObjectKey[];
  settings: Setting[];
  spans: Span[];
}

/** What a document's own conventions can require; the config file can set the same. */
export interface ConventionSettings {
  /** Case of table names: `snake_case`, `camelCase`, `PascalCase`. */
  tableCase?: 'snake_case' | 'camelCase' | 'PascalCase';
  tableNumber?: 'singular' | 'plural';
  columnCase?: 'snake_case' | 'camelCase';
  /** Name patterns with `{table}` and `{columns}`: `ix_{table}_{columns}`. */
  indexName?: string;
  uniqueName?: string;
  foreignKeyName?: string;
  /** Foreign key column pattern with `{table}`: `{table}_id`. */
  foreignKeyColumn?: string;
  primaryKeyColumn?: string;
  primaryKeyType?: string;
  timestampsWithTimeZone?: boolean;
  textOverVarchar?: boolean;
  indexForeignKeys?: boolean;
  enumValuesLowerCase?: boolean;
  /** Surrogate keys are identity columns, not serial. */
  identityColumns?: boolean;
  /** Every foreign key says what ON DELETE does. */
  explicitOnDelete?: boolean;
}

/**
 * What a document's prose says the schema is, to be checked against it: "Created_at and
 * updated_at timestamps are present on all tables", "Row-Level Security: applied where
 * necessary", "The schema consists of 12 tables", a row of an RLS summary table, what deleting
 * a row does.
 */
export type Claim =
  | { kind: 'columns-everywhere'; columns: string[]; statement: string; span: Span }
  | { kind: 'row-level-security'; statement: string; span: Span }
  | { kind: 'table-count'; count: number; statement: string; span: Span }
  | { kind: 'policy'; table: string; command: 'select' | 'insert' | 'update' | 'delete'; access: string; span: Span }
  /** "Deleting a user cascades to their posts", a relationships table's On Delete cell; `column` from `Post (author_id)`. */
  | { kind: 'on-delete'; parent: string; child: string; column?: string; action: ReferentialAction; span: Span };

/** A rule the document states for itself ("Tables use snake_case, singular form"). */
export interface Convention<K extends keyof ConventionSettings = keyof ConventionSettings> {
  setting: K;
  value: NonNullable<ConventionSettings[K]>;
  /** The sentence that states it. */
  statement: string;
  spans: Span[];
}

/** Identifies an object for dependency ordering: `table:public.users`, `type:mood`. */
export type ObjectKey = string;

export interface Schema {
  schemas: SchemaNamespace[];
  extensions: Extension[];
  enums: EnumType[];
  /** Domains, composite and range types. */
  types: UserType[];
  /** Collations: read from a database (a document's CREATE COLLATION is a statement of its script). */
  collations: DefinedObject[];
  sequences: DefinedObject[];
  tables: Table[];
  indexes: Index[];
  views: View[];
  functions: SqlFunction[];
  triggers: Trigger[];
  policies: Policy[];
  comments: Comment[];
  /** Privileges granted to other roles: read from a database (a document states them as GRANT statements). */
  grants: Grant[];
  /** The document's SQL statements, in the order they run: apply runs them as written. */
  script: ScriptStatement[];
  declaredFunctions: DeclaredFunction[];
  examples: Example[];
  conventions: Convention[];
  claims: Claim[];
  /** Links to other Markdown pages (`[users](users.md)`): where a table not described here may be. */
  pageLinks: PageLink[];
}

export interface PageLink {
  text: string;
  page: string;
  span: Span;
}

export function emptySchema(): Schema {
  return {
    schemas: [], extensions: [], enums: [], types: [], collations: [], sequences: [], tables: [], indexes: [],
    views: [], functions: [], triggers: [], policies: [], comments: [], grants: [], script: [], declaredFunctions: [], examples: [], conventions: [], claims: [], pageLinks: [],
  };
}
