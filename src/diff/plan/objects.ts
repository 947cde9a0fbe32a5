// Schemas, extensions, enum and other types, sequences.
import type { DefinedObject, EnumType, ObjectKey, QualifiedName, Table } from '../../schema/model.js';
import { extensionProvides } from '../../pg/emit.js';
import { TYPE_MAX } from '../../pg/introspect/introspect.js';
import { ident, literal, qualified } from '../../pg/quote.js';
import { DEFAULT_SCHEMA, nameKey, shownName } from '../../schema/names.js';
import { change } from './change.js';
import { byKey, relationKey, typeKey, type Planning } from './context.js';
import { alterDomain } from './domains.js';
import { hazard } from './hazards.js';

export function planSchemas(p: Planning): void {
  const after = new Set(p.to.schemas.map((s) => s.name));
  const before = new Set(p.from.schemas.map((s) => s.name));
  for (const s of p.from.schemas) {
    // The schema every database has stays, even where a side names no object in it.
    if (after.has(s.name) || s.name === DEFAULT_SCHEMA) continue;
    p.dropped.add(`schema:${s.name}`);
    p.after.push(change('drop', 'schema', s.name, [`DROP SCHEMA ${ident(s.name)};`], { provides: [`schema:${s.name}`] }));
  }
  for (const s of p.to.schemas) {
    if (before.has(s.name) || s.name === DEFAULT_SCHEMA) continue;
    p.made.add(`schema:${s.name}`);
    p.main.push(change('create', 'schema', s.name, [`CREATE SCHEMA ${ident(s.name)};`], { spans: s.spans, provides: [`schema:${s.name}`] }));
  }
}

export function planExtensions(p: Planning): void {
  const before = byKey(p.from.extensions, (e) => e.name);
  const after = byKey(p.to.extensions, (e) => e.name);
  const read = new Set([DEFAULT_SCHEMA, ...p.from.schemas.map((s) => s.name)]);
  for (const e of p.from.extensions) {
    // One in a schema not compared (Supabase's `extensions`) is not the target's to drop.
    if (after.has(e.name) || (e.schema && !read.has(e.schema))) continue;
    p.after.push(change('drop', 'extension', e.name, [`DROP EXTENSION ${ident(e.name)};`], {
      provides: [`extension:${e.name}`, ...extensionProvides(e.name, e.schema)], requires: e.schema ? [`schema:${e.schema}`] : [],
    }));
  }
  for (const e of p.to.extensions) {
    const old = before.get(e.name);
    const statements: string[] = [];
    if (!old) {
      statements.push(`CREATE EXTENSION IF NOT EXISTS ${ident(e.name)}${e.schema ? ` WITH SCHEMA ${ident(e.schema)}` : ''}${e.version ? ` VERSION ${literal(e.version)}` : ''};`);
    } else {
      // PostgreSQL's extensions update to newer versions only: an older one is made anew.
      if (e.version && old.version && e.version !== old.version) {
        statements.push(...(olderVersion(e.version, old.version)
          ? [`DROP EXTENSION ${ident(e.name)};`, `CREATE EXTENSION ${ident(e.name)}${e.schema ? ` WITH SCHEMA ${ident(e.schema)}` : ''} VERSION ${literal(e.version)};`]
          : [`ALTER EXTENSION ${ident(e.name)} UPDATE TO ${literal(e.version)};`]));
      }
      if (e.schema && old.schema && e.schema !== old.schema) statements.push(`ALTER EXTENSION ${ident(e.name)} SET SCHEMA ${ident(e.schema)};`);
    }
    if (statements.length) {
      p.main.push(change(old ? 'alter' : 'create', 'extension', e.name, statements, {
        spans: e.spans, provides: [`extension:${e.name}`, ...extensionProvides(e.name, e.schema)], requires: e.schema ? [`schema:${e.schema}`] : [],
      }));
    }
  }
}

/** `1.3` before `1.4`, `1.10` after `1.9`. */
function olderVersion(a: string, b: string): boolean {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/** An enum whose old values all stay, in their order: the new ones are added in place. */
const extendable = (from: EnumType, to: EnumType) => {
  let i = 0;
  for (const v of to.values) if (v === from.values[i]) i++;
  return i === from.values.length;
};

/** The enums that are rebuilt (a value removed or moved), with the tables whose columns use them. */
export function enumChanges(p: Planning): ObjectKey[] {
  const after = byKey(p.to.enums, nameKey);
  const changed: ObjectKey[] = [];
  for (const e of p.from.enums) {
    const other = after.get(nameKey(e));
    if (other && (other.values.join('\u0000') === e.values.join('\u0000') || (extendable(e, other) && !usesNewValue(p, e, other)))) continue;
    changed.push(typeKey(e), ...p.from.tables.filter((t) => usingType(t, e).length).map(relationKey));
    if (other) p.remade.add(typeKey(e));
  }
  return changed;
}

/** The columns of a table of the type (or arrays of it). */
const usingType = (t: Table, e: QualifiedName) => t.columns.filter((c) => c.type.name === e.name && (c.type.schema ?? DEFAULT_SCHEMA) === (e.schema ?? DEFAULT_SCHEMA));

/**
 * A value added in a transaction cannot be used in it: where the target uses a new value in
 * an expression (a default, a check, a view), the enum is rebuilt instead.
 */
function usesNewValue(p: Planning, from: EnumType, to: EnumType): boolean {
  const added = to.values.filter((v) => !from.values.includes(v)).map((v) => `${literal(v)}::`);
  if (!added.length) return false;
  const texts = [
    ...p.to.tables.flatMap((t) => [...t.columns.map((c) => c.default ?? ''), ...t.constraints.map((c) => c.definition ?? '')]),
    ...p.to.views.map((v) => v.query), ...p.to.indexes.map((i) => i.definition ?? ''), ...p.to.policies.map((x) => `${x.using} ${x.withCheck}`),
  ];
  return texts.some((t) => added.some((a) => t.includes(a)));
}

export function planEnums(p: Planning): void {
  const before = byKey(p.from.enums, nameKey);
  const after = byKey(p.to.enums, nameKey);
  for (const e of p.from.enums) {
    if (after.has(nameKey(e))) continue;
    p.dropped.add(typeKey(e));
    p.after.push(change('drop', 'enum', shownName(e), [`DROP TYPE ${qualified(e)};`], { provides: [typeKey(e)], requires: e.schema ? [`schema:${e.schema}`] : [] }));
  }
  for (const e of p.to.enums) {
    const old = before.get(nameKey(e));
    const statements: string[] = [];
    const hazards = [];
    const create = `CREATE TYPE ${qualified(e)} AS ENUM (${e.values.map(literal).join(', ')});`;
    if (!old) {
      p.made.add(typeKey(e));
      statements.push(create);
    } else if (p.remade.has(typeKey(e))) {
      statements.push(...rebuildType(p, old, 'TYPE', create, (column, brackets) => `${column}::text${brackets}::${qualified(old)}${brackets}`));
      const removed = old.values.filter((v) => !e.values.includes(v));
      hazards.push(hazard('SD804', removed.length
        ? `removes ${removed.map(literal).join(', ')} from enum ${shownName(e)}: rows that hold ${removed.length > 1 ? 'them' : 'it'} fail the change`
        : `reorders the values of enum ${shownName(e)}: its columns are converted, and the tables rewritten`));
    } else {
      e.values.forEach((v, i) => {
        if (old.values.includes(v)) return;
        const place = i > 0 ? `AFTER ${literal(e.values[i - 1]!)}` : `BEFORE ${literal(e.values[1]!)}`;
        statements.push(`ALTER TYPE ${qualified(e)} ADD VALUE ${literal(v)} ${place};`);
      });
    }
    if (e.comment !== old?.comment && (e.comment !== undefined || old)) {
      statements.push(`COMMENT ON TYPE ${qualified(e)} IS ${e.comment === undefined ? 'NULL' : literal(e.comment)};`);
    }
    if (statements.length) {
      p.main.push(change(old ? 'alter' : 'create', 'enum', shownName(e), statements, {
        hazards, spans: e.spans, provides: [typeKey(e)], requires: e.schema ? [`schema:${e.schema}`] : [],
      }));
    }
  }
}

/**
 * A new type under the name, the columns converted to it through text, the old type dropped:
 * PostgreSQL drops no type a column uses, and changes no enum's values or domain's base type in place.
 */
function rebuildType(
  p: Planning, old: QualifiedName, keyword: 'TYPE' | 'DOMAIN', create: string, using: (column: string, brackets: string) => string,
): string[] {
  const retired = qualified({ ...old, name: `${old.name}__schemadoc_old` });
  const statements = [`ALTER ${keyword} ${qualified(old)} RENAME TO ${ident(`${old.name}__schemadoc_old`)};`, create];
  const after = byKey(p.to.tables, nameKey);
  for (const table of p.from.tables) {
    const target = after.get(nameKey(table));
    if (!target || p.dropped.has(relationKey(table))) continue;
    for (const c of usingType(table, old)) {
      const next = target.columns.find((x) => x.name === c.name);
      if (!next || next.type.sql !== c.type.sql) continue;
      const column = `ALTER TABLE ${qualified(table)} ALTER COLUMN ${ident(c.name)}`;
      const brackets = '[]'.repeat(c.type.arrayDimensions);
      if (c.default !== undefined) statements.push(`${column} DROP DEFAULT;`);
      statements.push(`${column} TYPE ${c.type.sql} USING ${using(ident(c.name), brackets)};`);
      if (next.default !== undefined) statements.push(`${column} SET DEFAULT ${next.default};`);
    }
  }
  statements.push(`DROP ${keyword} ${retired};`);
  return statements;
}

/** Domains, composite and range types that go or change (a domain's base type included): dropped and made again. */
export function typeChanges(p: Planning): ObjectKey[] {
  const after = byKey(p.to.types, nameKey);
  const changed: ObjectKey[] = [];
  for (const t of p.from.types) {
    const other = after.get(nameKey(t));
    // A domain whose base type stays is altered, not made again.
    if (other?.definition === t.definition || (other && alterDomain(t, other))) continue;
    changed.push(typeKey(t));
    if (!other) continue;
    p.remade.add(typeKey(t));
    // Views over its columns are made again around the conversion.
    changed.push(...p.from.tables.filter((x) => usingType(x, t).length).map(relationKey));
  }
  return changed;
}

/** A type whose columns are converted to its new definition (see rebuildType), not dropped first. */
const convertsColumns = (p: Planning, t: DefinedObject) => p.remade.has(typeKey(t))
  && p.to.types.some((x) => nameKey(x) === nameKey(t)) && p.from.tables.some((x) => usingType(x, t).length > 0);

export function planTypes(p: Planning): void {
  const before = byKey(p.from.types, nameKey);
  for (const t of p.from.types) {
    if (p.to.types.some((x) => nameKey(x) === nameKey(t)) && !p.remade.has(typeKey(t)) || convertsColumns(p, t)) continue;
    p.dropped.add(typeKey(t));
    const kind = keywordOf(t);
    (p.remade.has(typeKey(t)) ? p.before : p.after).push(change('drop', 'type', shownName(t), [`DROP ${kind} ${qualified(t)};`], { provides: [typeKey(t)], requires: t.requires }));
  }
  for (const t of p.to.types) {
    const old = before.get(nameKey(t));
    if (old && !p.remade.has(typeKey(t))) {
      const altered = old.definition === t.definition ? undefined : alterDomain(old, t);
      if (altered) p.main.push(change('alter', 'domain', shownName(t), altered.statements, { hazards: altered.hazards, spans: t.spans, provides: [typeKey(t)], requires: t.requires }));
      continue;
    }
    p.made.add(typeKey(t));
    if (old && convertsColumns(p, old)) {
      const hazards = [hazard('SD803', `changes type ${shownName(t)}, which columns use: each is converted to the new type, and its table rewritten`)];
      p.main.push(change('alter', 'type', shownName(t), rebuildType(p, old, keywordOf(old), `${t.definition};`, conversion(old, t)), { hazards, spans: t.spans, provides: [typeKey(t)], requires: t.requires }));
      continue;
    }
    p.main.push(change('create', 'type', shownName(t), [`${t.definition};`], { spans: t.spans, provides: [typeKey(t)], requires: t.requires }));
  }
}

const keywordOf = (t: DefinedObject) => (/^CREATE DOMAIN/.test(t.definition) ? 'DOMAIN' : 'TYPE');

/**
 * How a value of the old type becomes one of the new: a domain's through its base types (a
 * cast), a composite's field by field (fields by name; one it did not have is NULL), a range's
 * through text.
 */
function conversion(from: DefinedObject, to: DefinedObject): (column: string, brackets: string) => string {
  const type = qualified(to);
  if (keywordOf(to) === 'DOMAIN') return (column, brackets) => `${column}::${type}${brackets}`;
  const [before, after] = [compositeFields(from.definition), compositeFields(to.definition)];
  if (!before || !after) return (column, brackets) => `${column}::text${brackets}::${type}${brackets}`;
  return (column, brackets) => (brackets ? `${column}::text${brackets}::${type}${brackets}`
    : `CASE WHEN ${column} IS NULL THEN NULL ELSE ROW(${after.map(([name, sqlType]) => (before.some(([n]) => n === name) ? `(${column}).${name}::${sqlType}` : `NULL::${sqlType}`)).join(', ')})::${type} END`);
}

/** `CREATE TYPE t AS (amount integer, currency text)` → its fields, name and type; undefined for another kind of type. */
function compositeFields(definition: string): [string, string][] | undefined {
  const m = /^CREATE TYPE \S+ AS \((.*)\)$/s.exec(definition);
  if (!m) return undefined;
  const fields: [string, string][] = [];
  let depth = 0;
  let start = 0;
  const body = m[1]!;
  for (let i = 0; i <= body.length; i++) {
    const ch = body[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if ((ch === ',' && depth === 0) || i === body.length) {
      const field = /^\s*("(?:[^"]|"")+"|\S+)\s+(.+?)\s*$/s.exec(body.slice(start, i));
      if (!field) return undefined;
      fields.push([field[1]!, field[2]!]);
      start = i + 1;
    }
  }
  return fields;
}

const collationKey = (c: DefinedObject): ObjectKey => `collation:${nameKey(c)}`;

/** Collations: made, dropped (after the columns that use them change), or dropped and made again. */
export function planCollations(p: Planning): void {
  const before = byKey(p.from.collations, nameKey);
  const after = byKey(p.to.collations, nameKey);
  for (const c of p.from.collations) {
    const next = after.get(nameKey(c));
    if (next?.definition === c.definition) continue;
    p.dropped.add(collationKey(c));
    (next ? p.before : p.after).push(change('drop', 'collation', shownName(c), [`DROP COLLATION ${qualified(c)};`], { provides: [collationKey(c)] }));
  }
  for (const c of p.to.collations) {
    if (before.get(nameKey(c))?.definition === c.definition) continue;
    p.made.add(collationKey(c));
    p.main.push(change('create', 'collation', shownName(c), [`${c.definition};`], { spans: c.spans, provides: [collationKey(c)], requires: c.schema ? [`schema:${c.schema}`] : [] }));
  }
}

/** A sequence's options, and the column that owns it, from its definition. */
function sequenceParts(s: DefinedObject): { options: string; owner?: string } {
  const [head, owner] = s.definition.split(' OWNED BY ');
  return { options: head!.replace(/^CREATE SEQUENCE \S+/, '').trim(), ...(owner ? { owner } : {}) };
}

function alterOptions(options: string): string {
  const find = (pattern: RegExp) => pattern.exec(options)?.[1];
  const type = find(/AS (\w+)/) ?? 'bigint';
  const min = find(/MINVALUE (\S+)/) ?? '1';
  return [`AS ${type}`, `INCREMENT BY ${find(/INCREMENT BY (\S+)/) ?? '1'}`, `MINVALUE ${min}`, `MAXVALUE ${find(/MAXVALUE (\S+)/) ?? TYPE_MAX[type]}`,
    `START WITH ${find(/START WITH (\S+)/) ?? min}`, `CACHE ${find(/CACHE (\S+)/) ?? '1'}`, /\bCYCLE\b/.test(options) ? 'CYCLE' : 'NO CYCLE'].join(' ');
}

export function planSequences(p: Planning): void {
  const before = byKey(p.from.sequences, nameKey);
  const after = byKey(p.to.sequences, nameKey);
  const tables = byKey(p.to.tables, nameKey);
  for (const s of p.from.sequences) {
    if (after.has(nameKey(s))) continue;
    // A sequence owned by a column goes with it.
    const owner = sequenceParts(s).owner;
    if (owner) {
      const at = owner.lastIndexOf('.');
      const table = tables.get(owner.slice(0, at).replace(/"/g, ''));
      if (!table || p.dropped.has(relationKey(table)) || !table.columns.some((c) => ident(c.name) === owner.slice(at + 1))) continue;
    }
    p.dropped.add(relationKey(s));
    p.after.push(change('drop', 'sequence', shownName(s), [`DROP SEQUENCE ${qualified(s)};`], {
      hazards: [hazard('SD808', `drops sequence ${shownName(s)}: its position is lost`)], provides: [relationKey(s)], requires: s.schema ? [`schema:${s.schema}`] : [],
    }));
  }
  for (const s of p.to.sequences) {
    const prior = before.get(nameKey(s));
    const priorOwner = prior ? sequenceParts(prior).owner : undefined;
    // Owned by a table that is made again, it was dropped with it.
    const old = priorOwner && p.remade.has(ownerTable(priorOwner)) ? undefined : prior;
    const { options, owner } = sequenceParts(s);
    const statements: string[] = [];
    if (!old) {
      p.made.add(relationKey(s));
      statements.push(`CREATE SEQUENCE ${qualified(s)}${options ? ` ${options}` : ''};`);
    } else if (sequenceParts(old).options !== options) statements.push(`ALTER SEQUENCE ${qualified(s)} ${alterOptions(options)};`);
    if (statements.length) {
      p.main.push(change(old ? 'alter' : 'create', 'sequence', shownName(s), statements, { spans: s.spans, provides: [relationKey(s)], requires: s.requires }));
    }
    // Owned once the column is there.
    if ((old ? priorOwner : undefined) !== owner || (owner && p.made.has(ownerTable(owner)))) {
      p.main.push(change('alter', 'sequence', shownName(s), [`ALTER SEQUENCE ${qualified(s)} OWNED BY ${owner ?? 'NONE'};`], {
        spans: s.spans, requires: [relationKey(s), ...(owner ? [ownerTable(owner)] : [])],
      }));
    }
  }
}

const ownerTable = (owner: string): ObjectKey => `relation:${owner.slice(0, owner.lastIndexOf('.')).replace(/"/g, '')}`;
