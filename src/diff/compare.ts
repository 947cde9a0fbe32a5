// Two canonical models, object by object: what the expected one (a document) has that the
// actual one (a database) lacks, what it has in excess, and what differs, aspect by aspect.
import type { Constraint, QualifiedName, Schema, Span, Table } from '../schema/model.js';
import { DEFAULT_SCHEMA, nameKey, shownName } from '../schema/names.js';
import { statesGrants } from '../pg/grants.js';
import { comparableQuery } from './view-text.js';

export interface Difference {
  change: 'missing' | 'extra' | 'different';
  /** `table`, `column`, `index`, `policy` … */
  kind: string;
  /** As a person reads it: `users.email`, `billing.invoice_status`. */
  name: string;
  /** What differs: `type`, `default`, `definition`, `values` … */
  aspect?: string;
  /** The document's and the database's, for a difference; the object's definition, for one side only. */
  expected?: string;
  actual?: string;
  /** Where the document states it (or the table it belongs to). */
  spans: Span[];
}

export interface CompareOptions {
  /** Objects left out of the comparison (and, for a table, what belongs to it). */
  ignored?: (name: QualifiedName) => boolean;
}

type Facts = Record<string, string | undefined>;

interface Comparable {
  key: string;
  name: string;
  facts: Facts;
  /** What the object is, to show when it is on one side only. */
  shown?: string;
  /** What an aspect is compared as, where two texts PostgreSQL prints mean the same. */
  comparedAs?: Facts;
  /** The table it belongs to: where an object the document lacks is reported. */
  table?: QualifiedName;
  spans: Span[];
}

export function compareSchemas(expected: Schema, actual: Schema, options: CompareOptions = {}): Difference[] {
  const ignored = options.ignored ?? (() => false);
  const keep = <T extends QualifiedName>(list: T[]) => list.filter((o) => !ignored(o));
  const onKept = <T extends { table: QualifiedName }>(list: T[]) => list.filter((o) => !ignored(o.table));
  const differences: Difference[] = [];
  const tableSpans = new Map(expected.tables.map((t) => [nameKey(t), t.spans]));
  const add = (kind: string, a: Comparable[], b: Comparable[], renamed = false) => {
    for (const d of compareSets(kind, a, b, renamed)) differences.push(d.change === 'extra' ? { ...d, spans: tableSpans.get(nameKey(d.table ?? { name: '' })) ?? [] } : d);
  };
  const documentSchemas = new Set([DEFAULT_SCHEMA, ...expected.schemas.map((s) => s.name)]);

  add('schema', expected.schemas.map(schemaOf), actual.schemas.map(schemaOf));
  add('extension', expected.extensions.map(extensionOf),
    actual.extensions.filter((e) => documentSchemas.has(e.schema ?? DEFAULT_SCHEMA) || expected.extensions.some((x) => x.name === e.name)).map(extensionOf));
  add('type', keep(expected.enums).map(enumOf), keep(actual.enums).map(enumOf));
  add('type', keep(expected.types).map(definedOf), keep(actual.types).map(definedOf));
  add('collation', keep(expected.collations).map(definedOf), keep(actual.collations).map(definedOf));
  add('sequence', keep(expected.sequences).map(definedOf), keep(actual.sequences).map(definedOf));
  add('table', keep(expected.tables).map(tableOf), keep(actual.tables).map(tableOf));
  const tables = new Map(keep(actual.tables).map((t) => [nameKey(t), t]));
  for (const table of keep(expected.tables)) {
    const other = tables.get(nameKey(table));
    if (!other) continue;
    add('column', table.columns.map((c) => columnOf(table, c)), other.columns.map((c) => columnOf(other, c)));
    add('constraint', table.constraints.map((c) => constraintOf(table, c)), other.constraints.map((c) => constraintOf(other, c)), true);
  }
  add('index', onKept(expected.indexes).map(indexOf), onKept(actual.indexes).map(indexOf), true);
  add('view', keep(expected.views).map(viewOf), keep(actual.views).map(viewOf));
  add('function', keep(expected.functions).map(functionOf), keep(actual.functions).map(functionOf));
  add('trigger', onKept(expected.triggers).map(triggerOf), onKept(actual.triggers).map(triggerOf), true);
  add('policy', onKept(expected.policies).map(policyOf), onKept(actual.policies).map(policyOf));
  add('comment', expected.comments.map(commentOf), actual.comments.map(commentOf));
  // Privileges where the document states any: a document that grants nothing leaves them to the database.
  if (statesGrants(expected)) add('grant', expected.grants.map(grantOf), actual.grants.map(grantOf));
  return differences;
}

/**
 * Matched by key; with `renamed`, an object on one side only whose definition, but for its
 * name, is on the other side is the same object under another name.
 */
function compareSets(kind: string, expected: Comparable[], actual: Comparable[], renamed: boolean): (Difference & { table?: QualifiedName })[] {
  const differences: (Difference & { table?: QualifiedName })[] = [];
  const theirs = new Map(actual.map((o) => [o.key, o]));
  const missing: Comparable[] = [];
  for (const mine of expected) {
    const other = theirs.get(mine.key);
    if (!other) {
      missing.push(mine);
      continue;
    }
    theirs.delete(mine.key);
    for (const [aspect, value] of Object.entries(mine.facts)) {
      if ((mine.comparedAs?.[aspect] ?? value) !== (other.comparedAs?.[aspect] ?? other.facts[aspect])) {
        differences.push({ change: 'different', kind, name: mine.name, aspect, expected: value, actual: other.facts[aspect], spans: mine.spans });
      }
    }
  }
  const extra = [...theirs.values()];
  for (const mine of missing) {
    const same = renamed ? extra.findIndex((o) => anonymous(o) === anonymous(mine)) : -1;
    if (same >= 0) {
      const [other] = extra.splice(same, 1);
      differences.push({ change: 'different', kind, name: mine.name, aspect: 'name', expected: mine.name, actual: other!.name, spans: mine.spans });
    } else {
      differences.push({ change: 'missing', kind, name: mine.name, ...(mine.shown ? { expected: mine.shown } : {}), spans: mine.spans });
    }
  }
  for (const other of extra) {
    differences.push({ change: 'extra', kind, name: other.name, ...(other.shown ? { actual: other.shown } : {}), ...(other.table ? { table: other.table } : {}), spans: [] });
  }
  return differences;
}

/** A definition without the object's own name. */
function anonymous(o: Comparable): string {
  const own = o.name.split('.').pop()!;
  return `${o.key.slice(0, o.key.lastIndexOf('.'))} ${(o.facts.definition ?? '').split(own).join('\u0000')}`;
}

const flag = (on: boolean | undefined) => (on ? 'on' : 'off');

const schemaOf = (s: Schema['schemas'][number]): Comparable => ({ key: s.name, name: s.name, facts: {}, spans: s.spans });

const extensionOf = (e: Schema['extensions'][number]): Comparable => ({ key: e.name, name: e.name, facts: { schema: e.schema }, spans: e.spans });

const enumOf = (e: Schema['enums'][number]): Comparable => ({
  key: nameKey(e), name: shownName(e), facts: { values: e.values.map((v) => `'${v}'`).join(', '), comment: e.comment }, spans: e.spans,
});

const definedOf = (o: Schema['types'][number]): Comparable => ({
  key: nameKey(o), name: shownName(o), facts: { definition: o.definition }, shown: o.definition, spans: o.spans,
});

function tableOf(t: Table): Comparable {
  return {
    key: nameKey(t), name: shownName(t), spans: t.spans,
    facts: {
      'row level security': flag(t.rowLevelSecurity), 'forced row level security': flag(t.forceRowLevelSecurity),
      logging: t.unlogged ? 'unlogged' : 'logged', partitioning: t.partitionBy,
      'partition of': t.partitionOf ? `${shownName(t.partitionOf.table)} ${t.partitionOf.bound}` : undefined,
      parents: t.inherits?.map(shownName).join(', '), comment: t.comment,
    },
  };
}

function columnOf(t: Table, c: Table['columns'][number]): Comparable {
  return {
    key: c.name, name: `${shownName(t)}.${c.name}`, spans: c.spans, table: t,
    facts: {
      type: c.type.sql, nullability: c.notNull ? 'NOT NULL' : 'NULL', default: c.default, identity: c.identity && `GENERATED ${c.identity.toUpperCase()} AS IDENTITY`,
      generated: c.generated, collation: c.collation, comment: c.comment,
    },
    ...(c.default ? { comparedAs: { default: sameMeaning(c.default) } } : {}),
  };
}

/** `CURRENT_TIMESTAMP` and `transaction_timestamp()` are `now()` (PostgreSQL keeps the spelling). */
function sameMeaning(expression: string): string {
  return expression.replace(/\bCURRENT_TIMESTAMP\b(?!\s*\()|\btransaction_timestamp\(\)/g, 'now()');
}

function constraintOf(t: Table, c: Constraint): Comparable {
  return { key: `${nameKey(t)}.${c.name}`, name: `${shownName(t)}.${c.name}`, facts: { definition: c.definition }, shown: c.definition, table: t, spans: c.spans };
}

const indexOf = (i: Schema['indexes'][number]): Comparable => ({
  key: `${nameKey(i.table)}.${i.name}`, name: shownName(i), facts: { definition: i.definition }, shown: i.definition, table: i.table, spans: i.spans,
});

const viewOf = (v: Schema['views'][number]): Comparable => ({
  key: nameKey(v), name: shownName(v), spans: v.spans, shown: v.definition,
  facts: { kind: v.materialized ? 'materialized view' : 'view', query: comparableQuery(v.query), comment: v.comment },
});

const functionOf = (f: Schema['functions'][number]): Comparable => ({
  key: `${nameKey(f)}(${f.argumentTypes.join(', ')})`, name: `${shownName(f)}(${f.argumentTypes.join(', ')})`,
  facts: { definition: f.definition }, shown: f.definition, spans: f.spans,
});

const triggerOf = (t: Schema['triggers'][number]): Comparable => ({
  key: `${nameKey(t.table)}.${t.name}`, name: `${t.name} on ${shownName(t.table)}`, facts: { definition: t.definition }, shown: t.definition, table: t.table, spans: t.spans,
});

const policyOf = (p: Schema['policies'][number]): Comparable => ({
  key: `${nameKey(p.table)}.${p.name}`, name: `${p.name} on ${shownName(p.table)}`, spans: p.spans, table: p.table,
  facts: {
    command: p.command.toUpperCase(), kind: p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE', roles: p.roles.join(', '),
    USING: p.using, 'WITH CHECK': p.withCheck,
  },
});

const grantOf = (g: Schema['grants'][number]): Comparable => ({
  key: `${g.objectKind} ${g.object} ${g.grantee} ${g.privilege}`, name: `${g.privilege} on ${g.object} to ${g.grantee}`,
  facts: { 'grant option': flag(g.grantable) }, spans: g.spans,
});

const commentOf = (c: Schema['comments'][number]): Comparable => ({
  key: `${c.targetKind} ${c.target}`, name: `on ${c.targetKind} ${c.target}`, facts: { text: c.text }, shown: c.text, spans: c.spans,
});
