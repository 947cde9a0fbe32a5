// The canonical Markdown document of a schema: an overview with a Mermaid ER diagram, then for
// each table its description, a table of columns, and its indexes, constraints, triggers and
// policies; views, types, sequences and functions; and the schema's SQL, which is what
// schemadoc reads back (the tables above are for people, and agree with it).
import { emitSql } from '../pg/emit.js';
import { ident, qualified } from '../pg/quote.js';
import { emptySchema, type Comment, type Constraint, type Schema, type Table } from '../schema/model.js';
import { DEFAULT_SCHEMA } from '../schema/names.js';
import { plural } from '../report/pretty.js';
import { derivedStart, GENERATED_END, GENERATED_START } from '../read/generated.js';
import { documentedForm } from './documented.js';
import { diagrams, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from './mermaid.js';

export interface MarkdownOptions {
  /** The document's title. */
  title?: string;
  /** Where the schema was read from, for the first paragraph: `postgres://…/shop`, `docs/schema.md`. */
  source?: string;
  /** Above this many characters a diagram is drawn one per schema. */
  diagramLimit?: number;
  /** Written into the document it is written from (`docs DOC --update`): marked so that readers pass over it. */
  derived?: boolean;
}


export function markdownDocument(model: Schema, options: MarkdownOptions = {}): string {
  const schema = documentedForm(model);
  const { parts } = byTable(schema);
  return [
    ...opening(schema, options), ...diagramSection(schema, options),
    ...(schema.tables.length ? ['## Tables', ''] : []), ...schema.tables.flatMap((t) => tableSection(t, parts.get(keyOf(t))!, '###')),
    ...otherSections(schema), ...sqlSection(schema), GENERATED_END, '',
  ].join('\n');
}

/** A document split into files: `README.md` (the overview, the diagram and all but the tables) and one file per table. */
export interface DocumentFile {
  path: string;
  text: string;
}

export function markdownFiles(model: Schema, options: MarkdownOptions = {}): DocumentFile[] {
  const schema = documentedForm(model);
  const files = schema.tables.map((table) => ({ table, path: `${fileName(table)}.md` }));
  const { parts, rest } = byTable(schema);
  const index = [
    ...opening(schema, options), ...diagramSection(schema, options),
    ...(files.length ? ['## Tables', '', ...files.map(({ table, path }) => `- [${shown(table)}](${encodeURI(path)})${aboutOf(table) ? `: ${oneLine(aboutOf(table)!)}` : ''}`), ''] : []),
    ...otherSections(rest), ...sqlSection(rest), GENERATED_END, '',
  ];
  return [
    { path: 'README.md', text: index.join('\n') },
    ...files.map(({ table, path }) => ({
      path,
      text: [`# ${shown(table)}`, '', GENERATED_START, '', `A table of [${options.title ?? 'the schema'}](README.md).`, '',
        ...tableSection(table, parts.get(keyOf(table))!, '##').slice(2), ...sqlSection({ ...emptySchema(), tables: [table], ...parts.get(keyOf(table))! }),
        GENERATED_END, ''].join('\n'),
    })),
  ];
}

function opening(schema: Schema, options: MarkdownOptions): string[] {
  const counts = [plural(schema.tables.length, 'table'), plural(schema.views.length, 'view'), plural(schema.functions.length, 'function')];
  return [
    `# ${options.title ?? 'Database schema'}`, '', options.derived ? derivedStart() : GENERATED_START, '',
    `${options.source ? `The schema of ${options.source}` : 'The schema'}: ${counts.join(', ')}. Written by schemadoc; the SQL is the schema itself.`, '',
  ];
}

function diagramSection(schema: Schema, options: MarkdownOptions): string[] {
  if (!schema.tables.length) return [];
  const limit = options.diagramLimit ?? MERMAID_MAX_TEXT;
  const drawn = diagrams(schema, limit);
  const out = ['## Diagram', ''];
  if (drawn.length > 1 || drawn[0]?.parts) {
    out.push(`The tables are drawn ${drawn.some((d) => d.parts) ? 'in parts' : 'one diagram per schema'}: one diagram of them all would be larger than ${limit} characters or ${MERMAID_MAX_EDGES} relationships, which sites that render Mermaid refuse. A part draws the relationships among its own tables.`, '');
  }
  for (const d of drawn) {
    if (d.schema) out.push(`### Schema ${d.schema}${d.parts ? `, part ${d.part} of ${d.parts}` : ''}`, '');
    out.push('```mermaid', d.text, '```', '');
  }
  return out;
}

function otherSections(schema: Schema): string[] {
  return [...viewsSection(schema), ...typesSection(schema), ...sequencesSection(schema), ...functionsSection(schema)];
}

function viewsSection(schema: Schema): string[] {
  if (!schema.views.length) return [];
  const out = ['## Views', ''];
  for (const v of schema.views) out.push(`### ${shown(v)}`, '', ...(v.comment ? [v.comment, ''] : []), `${v.materialized ? 'Materialized view' : 'View'}; its query:`, '', '```sql', v.query, '```', '');
  return out;
}

function typesSection(schema: Schema): string[] {
  if (!schema.enums.length && !schema.types.length) return [];
  const out = ['## Types', ''];
  for (const e of schema.enums) out.push(`- \`${shown(e)}\`: enum ${e.values.map((v) => `\`${v}\``).join(', ')}${e.comment ? `. ${e.comment}` : ''}`);
  for (const t of schema.types) out.push(`- \`${shown(t)}\`: \`${oneLine(t.definition)}\``);
  return [...out, ''];
}

function sequencesSection(schema: Schema): string[] {
  if (!schema.sequences.length) return [];
  return ['## Sequences', '', ...schema.sequences.map((s) => `- \`${shown(s)}\`: \`${oneLine(s.definition)}\``), ''];
}

function functionsSection(schema: Schema): string[] {
  if (!schema.functions.length) return [];
  return ['## Functions', '', ...schema.functions.map((f) => `- \`${shown(f)}(${f.argumentTypes.join(', ')})\`: ${f.kind}, ${f.language}`), ''];
}

/** The names of the parts an author may place in a document (`<!-- schemadoc:generated:start diagram -->`), and `table NAME`. */
export const PART_NAMES = ['diagram', 'tables', 'views', 'types', 'sequences', 'functions', 'sql'] as const;

/**
 * One part of the document, for the place an author made for it: its lines without the heading
 * the whole document gives it (the author's own heading is above it); undefined for a name that
 * is none of PART_NAMES and no `table NAME` of the schema.
 */
export function markdownPart(model: Schema, name: string, options: MarkdownOptions = {}): string | undefined {
  const schema = documentedForm(model);
  // A section without its heading (its first two lines): the author's own heading stands above the part.
  const headless = (lines: string[]) => lines.slice(2);
  const table = /^table (.+)$/.exec(name)?.[1];
  if (table) {
    const found = schema.tables.find((t) => shown(t) === table || `${t.schema ?? DEFAULT_SCHEMA}.${t.name}` === table);
    return found && headless(tableSection(found, byTable(schema).parts.get(keyOf(found))!, '###')).join('\n').trim();
  }
  const sections: Record<(typeof PART_NAMES)[number], () => string[]> = {
    diagram: () => headless(diagramSection(schema, options)),
    tables: () => {
      const { parts } = byTable(schema);
      return schema.tables.flatMap((t) => tableSection(t, parts.get(keyOf(t))!, '###'));
    },
    views: () => headless(viewsSection(schema)), types: () => headless(typesSection(schema)),
    sequences: () => headless(sequencesSection(schema)), functions: () => headless(functionsSection(schema)), sql: () => headless(sqlSection(schema)),
  };
  return Object.hasOwn(sections, name) ? sections[name as (typeof PART_NAMES)[number]]().join('\n').trim() : undefined;
}

function sqlSection(schema: Schema): string[] {
  // In the order of their kinds and what they use, not of the document they were read from.
  const sql = emitSql(JSON.parse(JSON.stringify(schema), (key, value) => (key === 'spans' ? [] : value))).trim();
  // As pg_dump does: a function's body may use what is made after it, and is checked when it runs.
  const settings = schema.functions.length ? 'SET check_function_bodies = false;\n\n' : '';
  return sql ? ['## SQL', '', '```sql', settings + sql, '```', ''] : [];
}

/** What a table is: its comment, or what the document's prose says of it. */
const aboutOf = (table: Table) => table.comment ?? table.description;

/** What belongs to a table: its indexes, triggers, policies and the comments on it and its columns. */
type TableParts = Pick<Schema, 'indexes' | 'triggers' | 'policies' | 'comments'>;

const keyOf = (o: { schema?: string; name: string }) => `${o.schema ?? DEFAULT_SCHEMA}.${o.name}`;

/** Each table's parts, found in one pass, and the schema without its tables and their parts. */
function byTable(schema: Schema): { parts: Map<string, TableParts>; rest: Schema } {
  const parts = new Map<string, TableParts>(schema.tables.map((t) => [keyOf(t), { indexes: [], triggers: [], policies: [], comments: [] }]));
  // A comment names its table as SQL does: `public.users` or, on a column, `public.users.email`.
  const byTarget = new Map(schema.tables.map((t) => [qualified(t), parts.get(keyOf(t))!]));
  const commentOwner = (c: Comment) => (c.targetKind === 'table' ? byTarget.get(c.target)
    : c.targetKind === 'column' ? byTarget.get(c.target.slice(0, c.target.lastIndexOf('.'))) : undefined);
  const rest: Schema = { ...schema, tables: [], indexes: [], triggers: [], policies: [], comments: [] };
  for (const kind of ['indexes', 'triggers', 'policies'] as const) {
    for (const o of schema[kind] as { table: { schema?: string; name: string } }[]) {
      ((parts.get(keyOf(o.table))?.[kind] ?? rest[kind]) as unknown[]).push(o);
    }
  }
  for (const c of schema.comments) (commentOwner(c)?.comments ?? rest.comments).push(c);
  return { parts, rest };
}

/** `users`, `billing.invoice`: a file name for a table, safe on every file system. */
function fileName(table: Table): string {
  return shown(table).replace(/[^\p{L}\p{N}_.-]/gu, '_');
}

function tableSection(table: Table, parts: TableParts, heading: string): string[] {
  const out = [`${heading} ${shown(table)}`, ''];
  const about = aboutOf(table);
  if (about) out.push(about, '');
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
    out.push(row([ident(c.name), c.type.sql, c.notNull ? 'NO' : 'YES', c.default ?? '', marks.join(', '), fk ? reference(fk) : '', c.comment ?? c.description ?? '']));
  }
  out.push('');
  const listed: [string, string][] = [
    ...table.constraints.filter((c) => c.kind !== 'primary key' && !(c.kind === 'unique' && c.columns.length === 1 && !c.nullsNotDistinct))
      .filter((c) => !(c.kind === 'foreign key' && c.columns.length === 1))
      .map((c): [string, string] => [c.name!, c.definition ?? c.kind]),
    ...parts.indexes.map((i): [string, string] => [i.name, i.definition ?? '']),
    ...parts.triggers.map((t): [string, string] => [t.name, t.definition]),
    ...parts.policies.map((p): [string, string] => [p.name, policyText(p)]),
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

/** `users`, `billing.invoice`, `"SPECIAL x".languages`: as SQL names it, public left out. */
const shown = (o: { schema?: string; name: string }) => ((o.schema ?? DEFAULT_SCHEMA) === DEFAULT_SCHEMA ? ident(o.name) : `${ident(o.schema!)}.${ident(o.name)}`);

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A Markdown table row; pipes and line breaks in cells escaped. */
function row(cells: string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : c.replace(/\|/g, '\\|').replace(/\n/g, ' '))).join(' | ')} |`;
}
