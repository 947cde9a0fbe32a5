// The canonical Markdown document of a schema: an overview with a Mermaid ER diagram, then for
// each table its description, a table of columns, and its indexes, constraints, triggers and
// policies; views, types, sequences and functions; and the schema's SQL, which is what
// schemadoc reads back (the tables above are for people, and agree with it).
import { emitSql } from '../pg/emit.js';
import { ident } from '../pg/quote.js';
import type { Constraint, Schema, Table } from '../schema/model.js';
import { DEFAULT_SCHEMA } from '../schema/names.js';
import { plural } from '../report/pretty.js';
import { documentedForm } from './documented.js';
import { diagrams, MERMAID_MAX_TEXT } from './mermaid.js';

export interface MarkdownOptions {
  /** The document's title. */
  title?: string;
  /** Where the schema was read from, for the first paragraph: `postgres://…/shop`, `docs/schema.md`. */
  source?: string;
  /** Above this many characters a diagram is drawn one per schema. */
  diagramLimit?: number;
}

/** Marks the sections schemadoc writes, so that a later run can tell them from the author's prose. */
export const GENERATED_START = '<!-- schemadoc:generated:start -->';
export const GENERATED_END = '<!-- schemadoc:generated:end -->';

export function markdownDocument(model: Schema, options: MarkdownOptions = {}): string {
  const schema = documentedForm(model);
  const out: string[] = [`# ${options.title ?? 'Database schema'}`, '', GENERATED_START, ''];
  const counts = [plural(schema.tables.length, 'table'), plural(schema.views.length, 'view'), plural(schema.functions.length, 'function')];
  out.push(`${options.source ? `The schema of ${options.source}` : 'The schema'}: ${counts.join(', ')}. Written by schemadoc; the SQL at the end is the schema itself.`, '');

  const drawn = diagrams(schema, options.diagramLimit ?? MERMAID_MAX_TEXT);
  if (schema.tables.length) {
    out.push('## Diagram', '');
    if (drawn.length > 1) out.push(`The tables are drawn one diagram per schema: one diagram of them all would be larger than ${options.diagramLimit ?? MERMAID_MAX_TEXT} characters or ${500} relationships, which sites that render Mermaid refuse.`, '');
    for (const d of drawn) {
      if (d.schema) out.push(`### Schema ${d.schema}`, '');
      out.push('```mermaid', d.text, '```', '');
    }
  }
  if (schema.tables.length) out.push('## Tables', '');
  for (const table of schema.tables) out.push(...tableSection(table, schema));
  if (schema.views.length) {
    out.push('## Views', '');
    for (const v of schema.views) out.push(`### ${shown(v)}`, '', ...(v.comment ? [v.comment, ''] : []), `${v.materialized ? 'Materialized view' : 'View'}; its query:`, '', '```sql', v.query, '```', '');
  }
  if (schema.enums.length || schema.types.length) {
    out.push('## Types', '');
    for (const e of schema.enums) out.push(`- \`${shown(e)}\`: enum ${e.values.map((v) => `\`${v}\``).join(', ')}${e.comment ? `. ${e.comment}` : ''}`);
    for (const t of schema.types) out.push(`- \`${shown(t)}\`: \`${oneLine(t.definition)}\``);
    out.push('');
  }
  if (schema.sequences.length) {
    out.push('## Sequences', '');
    for (const s of schema.sequences) out.push(`- \`${shown(s)}\`: \`${oneLine(s.definition)}\``);
    out.push('');
  }
  if (schema.functions.length) {
    out.push('## Functions', '');
    for (const f of schema.functions) out.push(`- \`${shown(f)}(${f.argumentTypes.join(', ')})\`: ${f.kind}, ${f.language}`);
    out.push('');
  }
  out.push('## SQL', '', '```sql', emitSql(schema).trimEnd(), '```', '', GENERATED_END, '');
  return out.join('\n');
}

function tableSection(table: Table, schema: Schema): string[] {
  const out = [`### ${shown(table)}`, ''];
  if (table.comment) out.push(table.comment, '');
  const facts = [
    table.partitionBy && `Partitioned: ${table.partitionBy.replace(/^PARTITION BY /, 'by ')}.`,
    table.partitionOf && `A partition of \`${shown(table.partitionOf.table)}\`, ${table.partitionOf.bound}.`,
    table.inherits?.length && `Inherits from ${table.inherits.map((p) => `\`${shown(p)}\``).join(', ')}.`,
    table.rowLevelSecurity && `Row level security is enabled${table.forceRowLevelSecurity ? ' and forced' : ''}.`,
  ].filter(Boolean);
  if (facts.length) out.push(facts.join(' '), '');
  const key = table.constraints.find((c) => c.kind === 'primary key');
  out.push('| Column | Type | Nullable | Default | Constraints | References | Description |', '|---|---|---|---|---|---|---|');
  for (const c of table.columns) {
    const marks = [
      key?.columns.includes(c.name) && 'PRIMARY KEY',
      table.constraints.some((u) => u.kind === 'unique' && u.columns.length === 1 && u.columns[0] === c.name && !u.nullsNotDistinct) && 'UNIQUE',
      c.identity && `GENERATED ${c.identity.toUpperCase()} AS IDENTITY`,
      c.generated && `GENERATED ALWAYS AS (${c.generated}) STORED`,
    ].filter(Boolean);
    const fk = table.constraints.find((f) => f.kind === 'foreign key' && f.columns.length === 1 && f.columns[0] === c.name);
    out.push(row([c.name, c.type.sql, c.notNull ? 'NO' : 'YES', c.default ?? '', marks.join(', '), fk ? reference(fk) : '', c.comment ?? '']));
  }
  out.push('');
  const listed: [string, string][] = [
    ...table.constraints.filter((c) => c.kind !== 'primary key' && !(c.kind === 'unique' && c.columns.length === 1 && !c.nullsNotDistinct))
      .filter((c) => !(c.kind === 'foreign key' && c.columns.length === 1))
      .map((c): [string, string] => [c.name!, c.definition ?? c.kind]),
    ...schema.indexes.filter((i) => sameTable(i.table, table)).map((i): [string, string] => [i.name, i.definition ?? '']),
    ...schema.triggers.filter((t) => sameTable(t.table, table)).map((t): [string, string] => [t.name, t.definition]),
    ...schema.policies.filter((p) => sameTable(p.table, table)).map((p): [string, string] => [p.name, policyText(p)]),
  ];
  if (listed.length) {
    out.push('| Name | Definition |', '|---|---|', ...listed.map(([name, definition]) => row([name, oneLine(definition)])), '');
  }
  return out;
}

function policyText(p: Schema['policies'][number]): string {
  return `POLICY ${ident(p.name)}${p.permissive ? '' : ' AS RESTRICTIVE'} FOR ${p.command.toUpperCase()} TO ${p.roles.join(', ')}`
    + `${p.using ? ` USING (${p.using})` : ''}${p.withCheck ? ` WITH CHECK (${p.withCheck})` : ''}`;
}

function reference(fk: Constraint): string {
  const target = fk.references!;
  const actions = [fk.onDelete && fk.onDelete !== 'no action' && `ON DELETE ${fk.onDelete.toUpperCase()}`, fk.onUpdate && fk.onUpdate !== 'no action' && `ON UPDATE ${fk.onUpdate.toUpperCase()}`].filter(Boolean);
  return `${shown(target)}(${target.columns.join(', ')})${actions.length ? ` ${actions.join(' ')}` : ''}`;
}

const sameTable = (a: { schema?: string; name: string }, b: { schema?: string; name: string }) =>
  a.name === b.name && (a.schema ?? DEFAULT_SCHEMA) === (b.schema ?? DEFAULT_SCHEMA);

const shown = (o: { schema?: string; name: string }) => ((o.schema ?? DEFAULT_SCHEMA) === DEFAULT_SCHEMA ? o.name : `${o.schema}.${o.name}`);

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A Markdown table row; pipes and line breaks in cells escaped. */
function row(cells: string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : c.replace(/\|/g, '\\|').replace(/\n/g, ' '))).join(' | ')} |`;
}
