// The document's SQL, read in order as PostgreSQL runs it: SET search_path decides where names
// are created and found, CREATE OR REPLACE replaces, DROP removes, ALTER changes what is there
// at that point. Each statement stays in the script, as written; the model is what it leaves.
import type { Diagnostic } from '../schema/diagnostic.js';
import type {
  Comment, Constraint, Index, ObjectKey, QualifiedName, Schema, ScriptStatement, Setting, Span, Table, Written,
} from '../schema/model.js';
import { displayName, objectKey, sameName } from '../schema/names.js';
import type { Fragment, LikeClause, ObjectTarget } from '../read/fragment.js';
import { searchPathSchemas } from '../read/sql/settings.js';
import { SearchPath } from './search-path.js';
import { markKeyColumns } from '../schema/key-columns.js';
import {
  alterColumn, dropColumn, dropConstraint, inheritFrom, passOn, renameColumn, renameConstraint, renameTable, setRowLevelSecurity,
} from './table-changes.js';

type ScriptFragment = Extract<Fragment, { kind: 'script' }>;

/** A fragment of a statement that changes a table the SQL had not created at that point. */
export interface Deferred {
  fragment: Fragment;
  statement: ScriptStatement;
  modeled: boolean;
}

export interface ScriptReading {
  /** The SQL's tables as the script leaves them, in the order created. */
  tables: Table[];
  /** Every fragment that is not the script's, in order, for the other representations' merge. */
  rest: Fragment[];
  deferred: Deferred[];
}

const DEFAULT_SETTINGS: Setting[] = [];

/**
 * Reads the script into `schema` (everything but its tables, which are returned for merging
 * with the other representations) and `schema.script`.
 */
export class Script {
  private readonly path = new SearchPath();
  private settings: Setting[] = DEFAULT_SETTINGS;
  private file: string | undefined;
  private readonly tables = new Map<ObjectKey, Table>();
  private readonly order: Table[] = [];
  /** What made each object of the script: its statement, and those whose changes the model holds (an array once there are several). */
  private readonly built = new Map<object, ScriptStatement | ScriptStatement[]>();
  private readonly statements: ScriptStatement[] = [];
  private readonly dead = new Set<ScriptStatement>();
  private readonly rest: Fragment[] = [];
  private readonly deferred: Deferred[] = [];
  /** Tables that copy columns from a table the SQL does not create (LIKE, INHERITS, PARTITION OF). */
  private readonly copies: { table: Table; from: QualifiedName; like?: LikeClause }[] = [];
  /** Tables whose foreign keys refer to tables not created before them. */
  private readonly forward: { table: Table; targets: QualifiedName[] }[] = [];
  /** The statement being read, and whether its objects are as written. */
  private statement!: ScriptStatement;
  private written = true;
  private modeled = true;

  constructor(private readonly schema: Schema, private readonly diagnostics: Diagnostic[], private readonly seen: Map<string, Span>) {}

  read(fragments: Fragment[]): ScriptReading {
    for (const f of fragments) {
      switch (f.kind) {
        case 'script': this.readStatement(f); break;
        case 'setting': this.atFile(f.span.file); this.set(f); break;
        case 'example':
          if (f.example.spans[0]) this.atFile(f.example.spans[0].file);
          if (this.settings.length) f.example.settings = this.settings;
          this.rest.push(f);
          break;
        default: this.rest.push(f);
      }
    }
    return { tables: this.order, rest: this.rest, deferred: this.deferred };
  }

  /**
   * A table whose foreign key refers to a table not created before it (later in the document,
   * or nowhere): PostgreSQL would refuse its statement where it stands, so the model's version
   * is written, and the foreign key after both tables (or, with --force, left out alone).
   * `external` tables (Supabase's own) exist before any statement.
   */
  resolveForward(external: (name: QualifiedName) => boolean): void {
    for (const { table, targets } of this.forward) if (!targets.every(external)) this.unscript(table);
  }

  /** Copies from the other representations' tables, once they are merged. */
  resolveCopies(find: (name: QualifiedName) => Table | undefined): void {
    for (const { table, from, like } of this.copies) {
      const source = find(from);
      if (!source) continue;
      if (like) copyLike(table, source, like);
      else inheritFrom(table, source, Boolean(table.partitionOf));
    }
  }

  /** The live statements, in the document's order. */
  finish(): ScriptStatement[] {
    return this.statements.filter((s) => !this.dead.has(s));
  }

  /** The model's version of an object replaces the script's (the object changed after it was written, or was repaired). */
  unscript(object: Written): void {
    if (!object.asWritten) return;
    object.asWritten = false;
    this.leaveOut(object);
  }

  /** Leaves out an object's own statements (a policy that cannot be created). */
  leaveOut(object: object): void {
    const built = this.built.get(object);
    if (Array.isArray(built)) for (const statement of built) this.dead.add(statement);
    else if (built) this.dead.add(built);
  }

  /** A statement whose change another representation's table takes in is not run as well. */
  absorbed(deferred: Deferred): void {
    if (deferred.modeled) this.dead.add(deferred.statement);
  }

  drop(statement: ScriptStatement): void {
    this.dead.add(statement);
  }

  /** Each document is its own script: settings start afresh. */
  private atFile(file: string): void {
    if (file === this.file) return;
    this.file = file;
    this.settings = DEFAULT_SETTINGS;
    this.path.reset();
  }

  private set(f: Extract<Fragment, { kind: 'setting' }>): void {
    if (f.name === 'all') {
      this.settings = DEFAULT_SETTINGS;
      this.path.reset();
      return;
    }
    const others = this.settings.filter((s) => s.name !== f.name);
    this.settings = f.sql === undefined ? others : [...others, { name: f.name, sql: f.sql }];
    if (f.name === 'search_path') {
      if (f.value === undefined) this.path.reset();
      else this.path.set(searchPathSchemas(f.value));
    }
  }

  private readStatement(f: ScriptFragment): void {
    const statement = f.statement;
    if (statement.spans[0]) this.atFile(statement.spans[0].file);
    statement.settings = this.settings;
    this.statement = statement;
    this.written = !f.repaired;
    this.modeled = f.modeled;
    this.statements.push(statement);
    if (f.repaired) this.dead.add(statement);
    // ALTER TABLE IF EXISTS of a table that is not there does nothing where it stands: it must not
    // move after a later CREATE. What a DROP needs is what it removes (below), never what comes later.
    if (f.ifExists && !this.tableOf(f.ifExists)) {
      statement.requires = [];
      statement.provides = [];
      return;
    }
    statement.requires = f.fragments.some((i) => i.kind === 'drop') ? [] : this.path.keys(statement.requires);
    for (const inner of f.fragments) this.apply(inner);
    statement.provides = this.path.keys(statement.provides, true);
  }

  private apply(f: Fragment): void {
    switch (f.kind) {
      case 'table': return this.createTable(f.table, f.like ?? [], Boolean(f.ifNotExists));
      case 'add-column': case 'add-constraint': case 'alter-column': case 'row-level-security':
      case 'attach-partition': case 'detach-partition':
        return this.alterTable(f);
      case 'drop': return this.dropObject(f.target, f.missingOk, f.cascade, f.span);
      case 'rename': return this.rename(f.target, f.to, f.span);
      case 'index': return this.createIndex(f.index, Boolean(f.ifNotExists));
      case 'enum':
        this.path.created(f.enum);
        return this.create('type', f.enum, f.enum.spans, this.schema.enums, f.enum, 'type');
      case 'type':
        this.path.created(f.type);
        f.type.requires = this.path.keys(f.type.requires);
        return this.create('type', f.type, f.type.spans, this.schema.types, f.type, 'type');
      case 'sequence':
        this.path.created(f.sequence);
        if (f.ifNotExists && this.path.has('relation', f.sequence)) return;
        f.sequence.requires = this.path.keys(f.sequence.requires);
        return this.create('sequence', f.sequence, f.sequence.spans, this.schema.sequences, f.sequence, 'relation');
      case 'view': {
        const view = this.path.created(f.view);
        view.requires = this.path.keys(view.requires);
        const at = this.schema.views.findIndex((v) => sameName(v, view));
        if (at >= 0 && f.replace) return this.replace(this.schema.views, at, view);
        this.create('view', view, view.spans, this.schema.views, view, 'relation');
        this.path.add('type', view);
        return;
      }
      case 'function': {
        const fn = this.path.created(f.function);
        fn.requires = this.path.keys(fn.requires);
        const signature = `${fn.name}(${fn.argumentTypes.join(', ')})`;
        const at = this.schema.functions.findIndex((g) => sameName(g, fn) && g.argumentTypes.join(', ') === fn.argumentTypes.join(', '));
        if (at >= 0 && f.replace) return this.replace(this.schema.functions, at, fn);
        return this.create('function', { ...fn, name: signature }, fn.spans, this.schema.functions, fn, 'function', fn);
      }
      case 'trigger': {
        const trigger = f.trigger;
        this.path.found('relation', trigger.table);
        trigger.requires = this.path.keys(trigger.requires);
        const at = this.schema.triggers.findIndex((t) => t.name === trigger.name && sameName(t.table, trigger.table));
        if (at >= 0 && f.replace) return this.replace(this.schema.triggers, at, trigger);
        return this.create('trigger', { ...trigger.table, name: `${trigger.name} on ${displayName(trigger.table)}` }, trigger.spans,
          this.schema.triggers, trigger);
      }
      case 'policy': {
        const policy = f.policy;
        this.path.found('relation', policy.table);
        policy.requires = this.path.keys(policy.requires);
        return this.create('policy', { ...policy.table, name: `${policy.name} on ${displayName(policy.table)}` }, policy.spans,
          this.schema.policies, policy);
      }
      case 'comment': return this.comment(f.comment);
      case 'schema': {
        const { schema } = f;
        // `CREATE SCHEMA public` is for a database without one; the model always has it.
        if (schema.name === 'public' || (f.ifNotExists && this.schema.schemas.some((s) => s.name === schema.name))) return;
        this.create('schema', { name: schema.name }, schema.spans, this.schema.schemas, schema);
        this.path.addSchema(schema.name);
        return;
      }
      case 'extension': {
        const existing = this.schema.extensions.find((e) => e.name === f.extension.name);
        if (existing && f.ifNotExists) return;
        if (existing) return this.again('extension', f.extension, f.extension.spans[0]!, this.seen.get(`extension:${f.extension.name}`));
        this.mark(f.extension);
        this.seen.set(`extension:${f.extension.name}`, f.extension.spans[0]!);
        this.schema.extensions.push(f.extension);
        return;
      }
      case 'enum-value': return this.enumValue(f);
      default:
        // What is about the document rather than the schema (stated references …) is merged with the rest.
        this.rest.push(f);
    }
  }

  /** Marks an object as made by the statement being read. */
  private mark(object: Written & object): void {
    object.asWritten = this.written;
    this.built.set(object, this.statement);
  }

  /** The first object of its kind and name is created; a second is what PostgreSQL refuses. */
  private create<T extends Written & object>(
    kind: string, name: QualifiedName, spans: Span[], list: T[], object: T,
    namespace?: 'relation' | 'type' | 'function', registered: QualifiedName = name,
  ): void {
    const key = objectKey(kind, name);
    const earlier = this.seen.get(key);
    if (earlier) return this.again(kind, name, spans[0]!, earlier);
    if (spans[0]) this.seen.set(key, spans[0]);
    this.mark(object);
    list.push(object);
    if (namespace) this.path.add(namespace, registered);
  }

  private again(kind: string, name: QualifiedName, span: Span, earlier: Span | undefined): void {
    this.dead.add(this.statement);
    this.diagnostics.push({
      code: 'SD202', severity: 'warning', span,
      message: `${kind} ${displayName(name)} is defined again: PostgreSQL refuses a second CREATE, so the first definition is used`,
      ...(earlier ? { related: [{ span: earlier, message: 'first defined here' }] } : {}),
    });
  }

  private replace<T extends Written & object>(list: T[], at: number, object: T): void {
    const before = list[at]!;
    this.built.delete(before);
    this.mark(object);
    list[at] = object;
  }

  private createTable(table: Table, like: LikeClause[], ifNotExists: boolean): void {
    this.path.created(table);
    const key = objectKey('relation', table);
    if (this.path.hasKey('relation', key)) {
      if (ifNotExists) return;
      return this.again('table', table, table.spans[0]!, this.seen.get(objectKey('table', table)));
    }
    table.requires = this.path.keys(table.requires);
    // What a table copies from a table its SQL has not created (a column table's) is copied once all are merged.
    for (const source of like) {
      const from = this.tableOf(source.table);
      if (from) copyLike(table, from, source);
      else this.copies.push({ table, from: source.table, like: source });
    }
    const parents = table.partitionOf ? [table.partitionOf.table] : table.inherits ?? [];
    for (const parent of parents) {
      this.path.found('relation', parent);
      const found = this.tableOf(parent);
      if (found) inheritFrom(table, found, Boolean(table.partitionOf));
      else this.copies.push({ table, from: parent });
    }
    let later: QualifiedName[] | undefined;
    for (const c of table.constraints) {
      if (!c.references) continue;
      this.path.found('relation', c.references);
      if (!sameName(c.references, table) && !this.tableOf(c.references)) (later ??= []).push(c.references);
    }
    this.mark(table);
    if (later) this.forward.push({ table, targets: later });
    this.seen.set(objectKey('table', table), table.spans[0]!);
    this.tables.set(key, table);
    this.order.push(table);
    this.path.addKey('relation', key);
    this.path.add('type', table);
  }

  private tableOf(name: QualifiedName | undefined): Table | undefined {
    if (!name) return undefined;
    return this.tables.get(objectKey('relation', this.path.found('relation', { ...name })));
  }

  private alterTable(f: Extract<Fragment, { kind: 'add-column' | 'add-constraint' | 'alter-column' | 'row-level-security' | 'attach-partition' | 'detach-partition' }>): void {
    const table = this.tableOf(f.table);
    if (!table) {
      this.deferred.push({ fragment: f, statement: this.statement, modeled: this.modeled });
      return;
    }
    if (f.table.schema === undefined && table.schema !== undefined) f.table.schema = table.schema;
    this.changed(table);
    switch (f.kind) {
      case 'add-column':
        if (!table.columns.some((c) => c.name === f.column.name)) table.columns.push(f.column);
        for (const child of this.partitionsOf(table)) child.columns.push({ ...f.column, spans: [...f.column.spans] });
        return;
      case 'add-constraint':
        if (f.constraint.references) this.path.found('relation', f.constraint.references);
        table.constraints.push(f.constraint);
        if (f.constraint.kind === 'primary key') markKeyColumns(table);
        if (!f.only) for (const child of this.partitionsOf(table)) passOn(child, table, f.constraint);
        return;
      case 'alter-column': {
        const column = table.columns.find((c) => c.name === f.column);
        if (!column) return this.missing(`column ${f.column} of ${displayName(table)}`, f.span);
        return alterColumn(column, f);
      }
      case 'row-level-security':
        return setRowLevelSecurity(table, f);
      case 'attach-partition': {
        const partition = this.tableOf(f.partition);
        if (!partition) return this.missing(`table ${displayName(f.partition)}`, f.span);
        if (f.partition.schema === undefined && partition.schema !== undefined) f.partition.schema = partition.schema;
        partition.partitionOf = { table: f.table, bound: f.bound };
        for (const c of table.constraints) {
          if ((c.kind === 'primary key' || c.kind === 'unique') && partition.constraints.some((k) => k.kind === c.kind && k.columns.join() === c.columns.join())) continue;
          if (c.kind === 'check' && partition.constraints.some((k) => k.kind === 'check' && k.name === c.name)) continue;
          passOn(partition, table, c);
        }
        return;
      }
      case 'detach-partition': {
        const partition = this.tableOf(f.partition);
        if (!partition) return;
        delete partition.partitionOf;
        for (const c of partition.constraints) delete c.inherited;
      }
    }
  }

  /** A change the model holds: when the table's own statement gives way to the model's, so does this one. */
  private changed(table: Table): void {
    if (!this.modeled) return;
    if (table.asWritten) {
      const built = this.built.get(table);
      if (Array.isArray(built)) built.push(this.statement);
      else this.built.set(table, built ? [built, this.statement] : this.statement);
    }
    else this.dead.add(this.statement);
  }

  private partitionsOf(table: Table): Table[] {
    return this.order.filter((t) => t.partitionOf && sameName(t.partitionOf.table, table));
  }

  private createIndex(index: Index, ifNotExists: boolean): void {
    this.path.found('relation', index.table);
    if (index.table.schema !== undefined) index.schema = index.table.schema;
    if (index.name) {
      if (ifNotExists && this.path.has('relation', index)) return;
      return this.create('index', index, index.spans, this.schema.indexes, index, 'relation');
    }
    this.mark(index);
    this.schema.indexes.push(index);
  }

  private comment(comment: Comment): void {
    comment.requires = this.path.keys(comment.requires);
    const at = this.schema.comments.findIndex((c) => c.targetKind === comment.targetKind && c.target === comment.target);
    if (at >= 0) return this.replace(this.schema.comments, at, comment);
    this.mark(comment);
    this.schema.comments.push(comment);
  }

  private enumValue(f: Extract<Fragment, { kind: 'enum-value' }>): void {
    this.path.found('type', f.enum);
    const type = this.schema.enums.find((e) => sameName(e, f.enum));
    if (!type) return this.missing(`type ${displayName(f.enum)}`, f.span);
    if (f.renames !== undefined) {
      type.values = type.values.map((v) => (v === f.renames ? f.value : v));
      return;
    }
    if (type.values.includes(f.value)) return;
    const neighbour = f.before ?? f.after;
    const at = neighbour === undefined ? -1 : type.values.indexOf(neighbour);
    if (at < 0) type.values.push(f.value);
    else type.values.splice(f.before !== undefined ? at : at + 1, 0, f.value);
  }

  /** DROP: the object is gone from the model; the statement stays in its place, after what made the object. */
  private dropObject(target: ObjectTarget, missingOk: boolean, cascade: boolean, span: Span): void {
    const dropped = this.remove(target, cascade);
    if (dropped) {
      this.statement.requires.push(dropped);
      return;
    }
    if (missingOk) return;
    this.missing(`${target.kind} ${displayName(target.on ? { ...target.on, name: `${target.name.name} on ${displayName(target.on)}` } : target.name)}`, span);
  }

  private missing(what: string, span: Span): void {
    this.dead.add(this.statement);
    this.diagnostics.push({
      code: 'SD203', severity: 'error', span,
      message: `${what} does not exist at this point of the document, so PostgreSQL refuses the statement; it is left out`,
    });
  }

  /** Removes what a DROP names; the key of what it removed, or undefined when nothing was there. */
  private remove(target: ObjectTarget, cascade: boolean): ObjectKey | undefined {
    const s = this.schema;
    switch (target.kind) {
      case 'table': case 'view': case 'materialized view': case 'sequence': case 'index': case 'other': {
        const name = this.path.found('relation', { ...target.name });
        const key = objectKey('relation', name);
        const table = this.tables.get(key);
        if (table) {
          this.tables.delete(key);
          this.order.splice(this.order.indexOf(table), 1);
          s.indexes = s.indexes.filter((i) => !sameName(i.table, table));
          s.triggers = s.triggers.filter((t) => !sameName(t.table, table));
          s.policies = s.policies.filter((p) => !sameName(p.table, table));
          s.comments = s.comments.filter((c) => !c.requires.includes(key));
          if (cascade) for (const t of this.order) t.constraints = t.constraints.filter((c) => !c.references || !sameName(c.references, table));
        }
        const before = s.views.length + s.sequences.length + s.indexes.length;
        s.views = s.views.filter((v) => !sameName(v, name));
        s.sequences = s.sequences.filter((q) => !sameName(q, name));
        s.indexes = s.indexes.filter((i) => !(i.name === name.name && sameName(i, name)));
        if (cascade) s.views = s.views.filter((v) => !v.requires.includes(key));
        if (!table && before === s.views.length + s.sequences.length + s.indexes.length) return undefined;
        this.path.remove('relation', name);
        this.path.remove('type', name);
        for (const kind of ['table', 'view', 'sequence', 'index']) this.seen.delete(objectKey(kind, name));
        return key;
      }
      case 'type': {
        const name = this.path.found('type', { ...target.name });
        const before = s.enums.length + s.types.length;
        s.enums = s.enums.filter((e) => !sameName(e, name));
        s.types = s.types.filter((t) => !sameName(t, name));
        if (before === s.enums.length + s.types.length) return undefined;
        this.path.remove('type', name);
        this.seen.delete(objectKey('type', name));
        return objectKey('type', name);
      }
      case 'function': {
        const name = this.path.found('function', { ...target.name });
        const before = s.functions.length;
        s.functions = s.functions.filter((f) => !sameName(f, name));
        if (before === s.functions.length) return undefined;
        this.path.remove('function', name);
        const prefix = `${objectKey('function', name)}(`;
        for (const key of [...this.seen.keys()]) if (key.startsWith(prefix)) this.seen.delete(key);
        return objectKey('function', name);
      }
      case 'schema': {
        const before = s.schemas.length;
        s.schemas = s.schemas.filter((n) => n.name !== target.name.name);
        if (before === s.schemas.length) return undefined;
        this.path.removeSchema(target.name.name);
        this.seen.delete(objectKey('schema', { name: target.name.name }));
        return `schema:${target.name.name}`;
      }
      case 'extension': {
        const before = s.extensions.length;
        s.extensions = s.extensions.filter((e) => e.name !== target.name.name);
        if (before === s.extensions.length) return undefined;
        this.seen.delete(`extension:${target.name.name}`);
        return `extension:${target.name.name}`;
      }
      case 'trigger': case 'policy': {
        const table = this.tableOf(target.on);
        if (!table) return undefined;
        const list: { name: string; table: QualifiedName }[] = target.kind === 'trigger' ? s.triggers : s.policies;
        const at = list.findIndex((o) => o.name === target.name.name && sameName(o.table, table));
        if (at < 0) return undefined;
        list.splice(at, 1);
        this.seen.delete(objectKey(target.kind, { ...table, name: `${target.name.name} on ${displayName(table)}` }));
        return objectKey('relation', table);
      }
      case 'column': case 'constraint': {
        const table = this.tableOf(target.on);
        if (!table) return undefined;
        this.changed(table);
        if (target.kind === 'constraint') return dropConstraint(table, target.name.name) ? objectKey('relation', table) : undefined;
        const result = dropColumn(table, target.name.name, s.indexes);
        s.indexes = result.indexes;
        return result.dropped ? objectKey('relation', table) : undefined;
      }
    }
  }

  private rename(target: ObjectTarget, to: string, span: Span): void {
    const s = this.schema;
    const table = target.on ? this.tableOf(target.on) : target.kind === 'table' ? this.tableOf(target.name) : undefined;
    switch (target.kind) {
      case 'table':
        if (!table) return this.missing(`table ${displayName(target.name)}`, span);
        this.changed(table);
        this.tables.delete(objectKey('relation', table));
        this.path.remove('relation', table);
        renameTable(table, to, this.order, [...s.indexes, ...s.triggers, ...s.policies]);
        this.tables.set(objectKey('relation', table), table);
        this.path.add('relation', table);
        return;
      case 'column':
        if (!table || !renameColumn(table, target.name.name, to, s.indexes)) return this.missing(`column ${target.name.name}`, span);
        return this.changed(table);
      case 'constraint':
        if (!table || !renameConstraint(table, target.name.name, to)) return this.missing(`constraint ${target.name.name}`, span);
        return this.changed(table);
      case 'trigger': case 'policy': {
        const list: { name: string; table: QualifiedName }[] = target.kind === 'trigger' ? s.triggers : s.policies;
        const found = table && list.find((o) => o.name === target.name.name && sameName(o.table, table));
        if (found) found.name = to;
        return;
      }
      case 'schema': {
        const found = s.schemas.find((n) => n.name === target.name.name);
        if (found) found.name = to;
        return;
      }
      default: {
        const kind = target.kind === 'type' ? 'type' : target.kind === 'function' ? 'function' : 'relation';
        const name = this.path.found(kind, { ...target.name });
        const lists: QualifiedName[][] = kind === 'type' ? [s.enums, s.types] : kind === 'function' ? [s.functions] : [s.indexes, s.views, s.sequences];
        for (const list of lists) {
          for (const o of list) {
            if (!sameName(o, name)) continue;
            this.path.remove(kind, o);
            o.name = to;
            this.path.add(kind, o);
          }
        }
      }
    }
  }
}

/** `LIKE source INCLUDING …`: the source's columns (and defaults, checks and keys where included) come first. */
function copyLike(table: Table, source: Table, like: LikeClause): void {
  const columns = source.columns.map((c) => {
    const copy = { ...c, spans: [...c.spans] };
    if (!like.defaults) delete copy.default;
    return copy;
  });
  table.columns = [...columns, ...table.columns.filter((c) => !columns.some((k) => k.name === c.name))];
  for (const c of source.constraints) {
    const included = c.kind === 'check' ? like.constraints : c.kind !== 'foreign key' && like.indexes;
    if (!included) continue;
    const copy: Constraint = { ...c, columns: [...c.columns], spans: [...c.spans] };
    // An index-backed key gets a name of the new table's.
    if (c.kind !== 'check') delete copy.name;
    table.constraints.push(copy);
  }
}
