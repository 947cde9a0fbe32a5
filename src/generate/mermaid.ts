// A Mermaid erDiagram of tables and their foreign keys. Sites that render Mermaid limit a
// diagram's size (Mermaid itself: 50,000 characters and 500 edges; GitLab: 2,000 characters a
// page), so a schema too large for one diagram is drawn as one diagram per schema.
import type { Schema, Table } from '../schema/model.js';
import { DEFAULT_SCHEMA } from '../schema/names.js';
import { DRAWN_FROM_SQL } from '../read/generated.js';

export interface Diagram {
  /** The schema it draws, when the schema is drawn one diagram per schema. */
  schema?: string;
  /** Which part of its schema, when one schema is too large for one diagram: 1 of `parts`. */
  part?: number;
  parts?: number;
  text: string;
}

/** Mermaid's own limits: beyond them it renders nothing. */
export const MERMAID_MAX_TEXT = 50_000;
export const MERMAID_MAX_EDGES = 500;

/** An entity name Mermaid accepts for a table: `invoice`, or `billing__invoice` with an alias showing `billing.invoice`. */
export function entityName(table: { schema?: string; name: string }): string {
  const schema = table.schema ?? DEFAULT_SCHEMA;
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(table.name) ? table.name : `"${table.name.replace(/"/g, "'")}"`;
  return schema === DEFAULT_SCHEMA ? plain : `${`${schema}__${table.name}`.replace(/\W/g, '_')}["${schema}.${table.name}"]`;
}

/** A type as one word, as Mermaid needs it: `character varying(255)` → `varchar(255)`. */
function attributeType(sql: string): string {
  return sql
    .replace(/^character varying/, 'varchar').replace(/^timestamp\((\d)\) with time zone|^timestamp with time zone/, (_, p) => (p ? `timestamptz(${p})` : 'timestamptz'))
    .replace(/^timestamp without time zone/, 'timestamp').replace(/^time with time zone/, 'timetz').replace(/^time without time zone/, 'time')
    .replace(/^double precision/, 'float8').replace(/^bit varying/, 'varbit')
    .replace(/\s+/g, '_').replace(/[^\w()[\],]/g, '_');
}

function entity(table: Table): string {
  const keys = new Set(table.constraints.filter((c) => c.kind === 'primary key').flatMap((c) => c.columns));
  const unique = new Set(table.constraints.filter((c) => c.kind === 'unique' && c.columns.length === 1).flatMap((c) => c.columns));
  const foreign = new Set(table.constraints.filter((c) => c.kind === 'foreign key').flatMap((c) => c.columns));
  const lines = table.columns.map((c) => {
    const marks = [keys.has(c.name) && 'PK', foreign.has(c.name) && 'FK', unique.has(c.name) && 'UK'].filter(Boolean).join(', ');
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(c.name) ? c.name : c.name.replace(/\W/g, '_');
    return `        ${attributeType(c.type.sql)} ${name}${marks ? ` ${marks}` : ''}`;
  });
  return [`    ${entityName(table)} {`, ...lines, '    }'].join('\n');
}

const keyOf = (t: { schema?: string; name: string }) => `${t.schema ?? DEFAULT_SCHEMA}.${t.name}`;

/** A table drawn once: its entity, and a line for each foreign key, by the table it points at. */
interface Drawing {
  key: string;
  entity: string;
  edges: { target: string; line: string }[];
}

function drawing(table: Table): Drawing {
  const edges = table.constraints.filter((c) => c.kind === 'foreign key' && !c.inherited).map((fk) => {
    const target = fk.references!;
    const required = fk.columns.every((name) => table.columns.find((c) => c.name === name)?.notNull);
    // A foreign key whose columns are a key of their own table: at most one row refers to each.
    const single = table.constraints.some((k) => (k.kind === 'primary key' || k.kind === 'unique') && k.columns.length === fk.columns.length && k.columns.every((c) => fk.columns.includes(c)));
    const targetEntity = entityName(target).replace(/\[.*\]$/, '');
    const sourceEntity = entityName(table).replace(/\[.*\]$/, '');
    return { target: keyOf(target), line: `    ${targetEntity} ${required ? '||' : '|o'}--${single ? 'o|' : 'o{'} ${sourceEntity} : "${fk.columns.join(', ')}"` };
  });
  return { key: keyOf(table), entity: entity(table), edges };
}

/** The diagram of some tables, with the relationships among them. */
function diagram(drawings: Drawing[]): string {
  const drawn = new Set(drawings.map((d) => d.key));
  const edges = drawings.flatMap((d) => d.edges.filter((e) => drawn.has(e.target)).map((e) => e.line));
  return ['erDiagram', `    ${DRAWN_FROM_SQL}`, ...drawings.map((d) => d.entity), ...edges].join('\n');
}

/**
 * One diagram of every table; or, when that would be larger than `limit` characters or
 * Mermaid's edge limit, one per schema; and a schema too large for one diagram in parts, of
 * tables in name order, each drawing the relationships among its own tables.
 */
export function diagrams(schema: Schema, limit = MERMAID_MAX_TEXT): Diagram[] {
  const drawings = schema.tables.map(drawing);
  const whole = diagram(drawings);
  if (fits(whole, limit)) return [{ text: whole }];
  const schemas = [...new Set(schema.tables.map((t) => t.schema ?? DEFAULT_SCHEMA))];
  return schemas.flatMap((name) => {
    const own = drawings.filter((_, i) => (schema.tables[i]!.schema ?? DEFAULT_SCHEMA) === name);
    const text = diagram(own);
    const parts = fits(text, limit) ? [own] : inParts(own, limit);
    if (parts.length === 1) return [{ schema: name, text }];
    return parts.map((part, i) => ({ schema: name, part: i + 1, parts: parts.length, text: diagram(part) }));
  });
}

function fits(text: string, limit: number): boolean {
  return text.length <= limit && text.split('\n').filter((l) => l.includes('--')).length <= MERMAID_MAX_EDGES;
}

/**
 * Tables in consecutive groups whose diagrams fit, counting every relationship of a table as
 * drawn (so a group never exceeds the limit); a table too large alone is drawn alone.
 */
function inParts(drawings: Drawing[], limit: number): Drawing[][] {
  const header = diagram([]).length;
  const parts: Drawing[][] = [];
  let current: Drawing[] = [];
  let size = header;
  let edges = 0;
  for (const d of drawings) {
    const adds = d.entity.length + 1 + d.edges.reduce((n, e) => n + e.line.length + 1, 0);
    if (current.length && (size + adds > limit || edges + d.edges.length > MERMAID_MAX_EDGES)) {
      parts.push(current);
      [current, size, edges] = [[], header, 0];
    }
    current.push(d);
    size += adds;
    edges += d.edges.length;
  }
  if (current.length) parts.push(current);
  return parts;
}
