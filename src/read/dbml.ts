// ```dbml blocks → tables, indexes, enums and foreign keys, parsed by @dbml/core.
// @dbml/core is large; it is loaded only for documents that have a DBML block.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Index, QualifiedName, ReferentialAction, Span, Table } from '../schema/model.js';
import { literal } from '../pg/quote.js';
import { columnFromFacts } from './column-definition.js';
import { defaultExpression, emptyFacts, readTypeCell, TYPE_VOCABULARY } from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { CodeBlock } from './markdown.js';
import type { Node } from './sql/ast.js';

export function isDbmlBlock(block: CodeBlock): boolean {
  return block.lang === 'dbml' || (block.lang === '' && /^\s*Table\s+[\w".]+\s*(as\s+\w+\s*)?(\[[^\]]*\]\s*)?\{/m.test(block.content) && /\bRef\b|\[(pk|ref|note)/i.test(block.content));
}

export interface DbmlReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
}

export async function readDbml(block: CodeBlock, file: string): Promise<DbmlReading> {
  const { Parser } = await import('@dbml/core');
  const at = (token: Node | undefined): Span => ({
    file, line: block.line + (token?.start?.line ?? 1) - 1,
    column: block.indent + (token?.start?.column ?? 1), source: 'code',
  });
  let database: Node;
  try {
    database = new Parser().parse(block.content, 'dbmlv2');
  } catch (error) {
    const first = (error as { diags?: Node[] }).diags?.[0];
    return {
      fragments: [],
      diagnostics: [{
        code: 'SD150', severity: 'error', span: at(first?.location ? { start: first.location.start } : undefined),
        message: `DBML does not parse: ${first?.message ?? (error as Error).message}`,
      }],
    };
  }
  const reading: DbmlReading = { fragments: [], diagnostics: [] };
  for (const schema of database.schemas ?? []) {
    const schemaName = schema.name && schema.name !== 'public' ? schema.name : undefined;
    for (const e of schema.enums ?? []) {
      reading.fragments.push({ kind: 'enum', enum: { ...(schemaName ? { schema: schemaName } : {}), name: e.name, values: e.values.map((v: Node) => v.name), spans: [at(e.token)] } });
    }
    for (const t of schema.tables ?? []) readTable(t, schemaName, at, reading);
    for (const ref of schema.refs ?? []) readRef(ref, at, reading);
  }
  return reading;
}

function readTable(t: Node, schema: string | undefined, at: (token: Node) => Span, reading: DbmlReading): void {
  const name: QualifiedName = schema ? { schema, name: t.name } : { name: t.name };
  const table: Table = {
    ...name, columns: [], constraints: [], rowLevelSecurity: false, forceRowLevelSecurity: false, requires: [],
    spans: [at(t.token)], ...(t.alias ? { aliases: [t.alias] } : {}), ...(t.note ? { comment: t.note } : {}),
  };
  const primaryKey: string[] = [];
  for (const field of t.fields ?? []) {
    const span = at(field.token);
    const type = readTypeCell(`${field.type?.type_name ?? 'text'}`);
    if (type.synonym) reading.diagnostics.push({ code: 'SD110', severity: 'info', span, cause: TYPE_VOCABULARY, message: `\`${type.synonym}\` is not a PostgreSQL type; read as ${type.sql}` });
    const facts = emptyFacts();
    facts.notNull = Boolean(field.not_null) || Boolean(field.pk);
    facts.unique = Boolean(field.unique);
    facts.identity = Boolean(field.increment);
    if (field.dbdefault) {
      const value = String(field.dbdefault.value);
      facts.default = field.dbdefault.type === 'string' ? literal(value) : field.dbdefault.type === 'expression' ? value : defaultExpression(value) ?? literal(value);
    }
    const read = columnFromFacts(field.name, type.sql ?? 'text', facts, span, t.name);
    if ('error' in read) {
      reading.diagnostics.push({ code: 'SD151', severity: 'error', span, message: `field ${field.name} of ${t.name} cannot be read: ${read.error}` });
      continue;
    }
    if (field.note) read.column.comment = field.note;
    table.columns.push(read.column);
    table.constraints.push(...read.constraints);
    table.requires.push(...read.requires);
    reading.fragments.push(...read.extensions);
    if (field.pk) primaryKey.push(field.name);
  }
  for (const index of t.indexes ?? []) {
    const keys = (index.columns ?? []).map((c: Node) => (c.type === 'expression' ? { expression: c.value } : { column: c.value }));
    if (index.pk) {
      primaryKey.push(...keys.flatMap((k: { column?: string }) => (k.column ? [k.column] : [])));
      continue;
    }
    const model: Index = {
      name: index.name ?? '', table: name, unique: Boolean(index.unique), method: index.type ?? 'btree',
      keys, include: [], spans: [at(index.token)],
    };
    reading.fragments.push({ kind: 'index', index: model });
  }
  if (primaryKey.length) table.constraints.unshift({ kind: 'primary key', columns: primaryKey, spans: [table.spans[0]!] });
  reading.fragments.push({ kind: 'table', table });
}

const ACTIONS: Record<string, ReferentialAction> = {
  cascade: 'cascade', restrict: 'restrict', 'set null': 'set null', 'set default': 'set default', 'no action': 'no action',
};

/** `Ref: posts.user_id > users.id`: the many side (or, one-to-one, the side that is not a key) holds the foreign key. */
function readRef(ref: Node, at: (token: Node) => Span, reading: DbmlReading): void {
  const [a, b] = ref.endpoints ?? [];
  if (!a || !b) return;
  const [child, parent] = a.relation === '*' ? [a, b] : b.relation === '*' ? [b, a] : [b, a];
  const table = (e: Node): QualifiedName => (e.schemaName && e.schemaName !== 'public' ? { schema: e.schemaName, name: e.tableName } : { name: e.tableName });
  const onDelete = ACTIONS[String(ref.onDelete ?? '').toLowerCase()];
  const onUpdate = ACTIONS[String(ref.onUpdate ?? '').toLowerCase()];
  reading.fragments.push({
    kind: 'add-constraint',
    table: table(child),
    constraint: {
      kind: 'foreign key', columns: child.fieldNames, references: { ...table(parent), columns: parent.fieldNames },
      ...(onDelete && onDelete !== 'no action' ? { onDelete } : {}), ...(onUpdate && onUpdate !== 'no action' ? { onUpdate } : {}),
      spans: [at(ref.token)],
    },
  });
}
