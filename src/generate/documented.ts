// A database's model in the form a person writes it, and that reads back as the same schema: a
// column whose default draws from the sequence it owns, named as PostgreSQL names a serial
// column's, is `serial` again (read back, `serial` makes the same column, default and
// sequence); a sequence's owner is given after its table; privileges are granted after what they
// are on; definitions parse with the newest grammar.
import type { Comment, DefinedObject, Schema, ScriptStatement, Table, TypeRef, View } from '../schema/model.js';
import { DEFAULT_SCHEMA, escapeRegExp } from '../schema/names.js';
import { grantSql, isDefaultGrant, revokedFromPublic, revokeSql, routineObject, statesGrants } from '../pg/grants.js';
import { ident, qualified } from '../pg/quote.js';
import { parseSql, SqlSyntaxError } from '../read/sql/parser.js';

const SERIAL: Record<string, { type: string; options: string }> = {
  int2: { type: 'smallserial', options: ' AS smallint' },
  int4: { type: 'serial', options: ' AS integer' },
  int8: { type: 'bigserial', options: '' },
};

export function documentedForm(schema: Schema): Schema {
  const sequences = new Map(schema.sequences.map((s) => [`${s.schema ?? DEFAULT_SCHEMA}.${s.name}`, s]));
  const folded = new Set<string>();
  const tables = schema.tables.map((table): Table => ({
    ...table,
    columns: table.columns.map((column) => {
      const serial = SERIAL[column.type.name];
      if (!serial || column.type.arrayDimensions || !column.default || table.partitionOf) return column;
      const sequenceName = `${table.name}_${column.name}_seq`;
      const key = `${table.schema ?? DEFAULT_SCHEMA}.${sequenceName}`;
      const sequence = sequences.get(key);
      const self = qualified({ schema: table.schema ?? DEFAULT_SCHEMA, name: sequenceName });
      const owner = `${qualified({ schema: table.schema ?? DEFAULT_SCHEMA, name: table.name })}.${qualified({ name: column.name })}`;
      const drawn = new RegExp(`^nextval\\('(?:${escapeRegExp(self)}|${escapeRegExp(qualified({ name: sequenceName }))})'::regclass\\)$`);
      if (!sequence || !drawn.test(column.default) || sequence.definition !== `CREATE SEQUENCE ${self}${serial.options} OWNED BY ${owner}`) return column;
      folded.add(key);
      const { default: _, ...rest } = column;
      const type: TypeRef = { name: serial.type, modifiers: [], arrayDimensions: 0, sql: serial.type };
      return { ...rest, type };
    }),
  }));
  const kept = schema.sequences.filter((s) => !folded.has(`${s.schema ?? DEFAULT_SCHEMA}.${s.name}`));
  return {
    ...schema, tables, sequences: kept.map(withoutOwner), script: [...schema.script, ...kept.flatMap(ownership), ...privileges(schema)],
    functions: schema.functions.map((f) => ({ ...f, definition: parsable(f.definition) })),
    views: schema.views.map((v) => ({ ...v, definition: selfReading(v) ? replacingStandIn(v) : parsable(v.definition) })),
    comments: [...commentsOn(schema), ...schema.comments],
  };
}

/**
 * A view whose query reads the view itself (`CREATE OR REPLACE VIEW v AS SELECT * FROM v`, which
 * PostgreSQL allows once v exists) cannot be made by its definition alone: it is made first as
 * a stand-in with its columns, then replaced.
 */
function selfReading(v: View): boolean {
  const self = new RegExp(`\\b(FROM|JOIN)\\s+(${escapeRegExp(qualified(v))}|${escapeRegExp(ident(v.name))})(?![\\w."])`, 'i');
  return !v.materialized && Boolean(v.columns?.length) && self.test(v.query);
}

function replacingStandIn(v: View): string {
  const columns = v.columns!.map((c) => `NULL::${c.type.sql} AS ${ident(c.name)}`).join(', ');
  return `CREATE VIEW ${qualified(v)} AS SELECT ${columns};\n${parsable(v.definition).replace(/^CREATE VIEW /, 'CREATE OR REPLACE VIEW ')}`;
}

/**
 * A definition as the newest grammar reads it. An older server prints as plain names words that
 * later became keywords (PostgreSQL 15 prints an argument named json as `json json`, which 16
 * and later cannot read): each word the parser stops at is quoted, which names the same thing.
 */
function parsable(sql: string): string {
  let text = sql;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      parseSql(text);
      return text;
    } catch (error) {
      const at = error instanceof SqlSyntaxError ? error.position : undefined;
      if (at === undefined) return text;
      // The word the parser stopped at, or, where that is quoted already, the plain word before it (`json "json"`).
      const here = /^[a-z_][a-z0-9_$]*/.exec(text.slice(at))?.[0];
      const before = here ? undefined : /([a-z_][a-z0-9_$]*)(\s+)$/.exec(text.slice(0, at));
      if (here) text = `${text.slice(0, at)}"${here}"${text.slice(at + here.length)}`;
      else if (before) text = `${text.slice(0, at - before[0].length)}"${before[1]}"${before[2]}${text.slice(at)}`;
      else return text;
    }
  }
  return text;
}

const OWNED_BY = / OWNED BY (.+)$/;

/** A sequence a column owns is made before the table whose default draws from it, and given its owner after (as pg_dump does). */
function withoutOwner(sequence: DefinedObject): DefinedObject {
  return { ...sequence, definition: sequence.definition.replace(OWNED_BY, '') };
}

function ownership(sequence: DefinedObject): ScriptStatement[] {
  const owner = OWNED_BY.exec(sequence.definition)?.[1];
  if (!owner) return [];
  const table = owner.slice(0, owner.lastIndexOf('.'));
  const self = qualified({ schema: sequence.schema ?? DEFAULT_SCHEMA, name: sequence.name });
  return [{
    sql: `ALTER SEQUENCE ${self} OWNED BY ${owner}`, kind: 'sequence', name: `${self} OWNED BY ${owner}`, provides: [],
    requires: [`relation:${sequence.schema ?? DEFAULT_SCHEMA}.${sequence.name}`, `relation:${unquoted(table)}`], settings: [], spans: [],
  }];
}

/** The privileges a database grants beyond PostgreSQL's defaults (and the defaults it revoked), as the statements that give them. */
function privileges(schema: Schema): ScriptStatement[] {
  if (!statesGrants(schema)) return [];
  const statement = (sql: string, requires: string[]): ScriptStatement => ({ sql, kind: 'statement', name: sql, provides: [], requires, settings: [], spans: [] });
  return [
    ...schema.grants.filter((g) => !isDefaultGrant(g)).map((g) => statement(grantSql(g), g.requires)),
    ...revokedFromPublic(schema).map((f) => statement(revokeSql({ objectKind: f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION', object: routineObject(f), grantee: 'PUBLIC', privilege: 'EXECUTE' }),
      [`function:${f.schema ?? DEFAULT_SCHEMA}.${f.name}`])),
  ];
}

/** `public."Order"` → `public.Order`, as ObjectKeys name objects. */
function unquoted(name: string): string {
  return name.split('.').map((part) => part.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')).join('.');
}

/** The comments a database keeps on tables, columns, views and enums, as the COMMENT statements that make them. */
function commentsOn(schema: Schema): Comment[] {
  const comment = (targetKind: Comment['targetKind'], target: string, text: string): Comment => ({ targetKind, target, text, requires: [], spans: [] });
  const out: Comment[] = [];
  for (const t of schema.tables) {
    if (t.comment !== undefined) out.push(comment('table', qualified(t), t.comment));
    for (const c of t.columns) if (c.comment !== undefined) out.push(comment('column', `${qualified(t)}.${ident(c.name)}`, c.comment));
  }
  for (const v of schema.views) if (v.comment !== undefined) out.push(comment(v.materialized ? 'materialized view' : 'view', qualified(v), v.comment));
  for (const e of schema.enums) if (e.comment !== undefined) out.push(comment('type', qualified(e), e.comment));
  return out;
}

