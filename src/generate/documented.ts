// A database's model in the form a person writes it: a column whose default draws from the
// sequence it owns, named as PostgreSQL names a serial column's, is `serial` again. Read back,
// `serial` makes the same column, default and sequence.
import type { Comment, Schema, Table, TypeRef } from '../schema/model.js';
import { DEFAULT_SCHEMA } from '../schema/names.js';
import { ident, qualified } from '../pg/quote.js';

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
      const drawn = new RegExp(`^nextval\\('(?:${escape(self)}|${escape(qualified({ name: sequenceName }))})'::regclass\\)$`);
      if (!sequence || !drawn.test(column.default) || sequence.definition !== `CREATE SEQUENCE ${self}${serial.options} OWNED BY ${owner}`) return column;
      folded.add(key);
      const { default: _, ...rest } = column;
      const type: TypeRef = { name: serial.type, modifiers: [], arrayDimensions: 0, sql: serial.type };
      return { ...rest, type };
    }),
  }));
  return {
    ...schema, tables, sequences: schema.sequences.filter((s) => !folded.has(`${s.schema ?? DEFAULT_SCHEMA}.${s.name}`)),
    comments: [...commentsOn(schema), ...schema.comments],
  };
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
