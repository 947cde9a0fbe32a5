// Mermaid erDiagram blocks → tables (entities with attributes) and relationships.
// The grammar is small and line-based (mermaid's own erDiagram grammar is a jison lexer
// over the same lines); each line is read on its own, so one odd line loses nothing else.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Column, Constraint, QualifiedName, Span, Table } from '../schema/model.js';
import { snakeCase } from '../schema/names.js';
import { readTypeCell } from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { CodeBlock } from './markdown.js';
import { parseOne, typeRef } from './sql/ast.js';
import { isTypeCell } from './column-cells.js';
import { DRAWN_FROM_SQL } from './generated.js';

export type Cardinality = 'zero-or-one' | 'exactly-one' | 'zero-or-more' | 'one-or-more';

export interface Relationship {
  /** Entity names as the diagram writes them. */
  left: string;
  right: string;
  leftCardinality: Cardinality;
  rightCardinality: Cardinality;
  identifying: boolean;
  label: string;
  span: Span;
}

const LEFT: Record<string, Cardinality> = { '|o': 'zero-or-one', 'o|': 'zero-or-one', '||': 'exactly-one', '}o': 'zero-or-more', '}|': 'one-or-more' };
const RIGHT: Record<string, Cardinality> = { 'o|': 'zero-or-one', '|o': 'zero-or-one', '||': 'exactly-one', 'o{': 'zero-or-more', '|{': 'one-or-more' };
const NAME = String.raw`(?:"[^"]+"|[\p{L}_][\p{L}\p{N}_\-]*)(?:\[[^\]]*\])?`;
const RELATIONSHIP = new RegExp(String.raw`^(${NAME})\s+([|}][o|]|[o|][|])(--|\.\.)([o|][|{]|[|][o])\s+(${NAME})\s*(?::\s*(.*))?$`, 'u');
const ENTITY_OPEN = new RegExp(String.raw`^(${NAME})\s*\{\s*$`, 'u');
const ATTRIBUTE = /^([\p{L}_][\p{L}\p{N}_\-()[\],]*)\s+([\p{L}_*][\p{L}\p{N}_\-]*)((?:\s+(?:PK|FK|UK)\s*,?)*)\s*(?:"([^"]*)")?\s*$/iu;

export function isMermaidErDiagram(block: CodeBlock): boolean {
  return /^\s*erDiagram\b/m.test(block.content) && (block.lang === 'mermaid' || block.lang === '' || block.lang === 'mmd');
}

/** The table name an entity stands for: `USER` → `user`, `ActiveSession` → `active_session`, `p[Person]` → `person`. */
export function entityTableName(entity: string): string {
  const alias = /\[([^\]]+)\]$/.exec(entity)?.[1];
  const name = (alias ?? entity.replace(/\[[^\]]*\]$/, '')).replace(/^"|"$/g, '').replace(/-/g, '_');
  return name === name.toUpperCase() ? name.toLowerCase() : snakeCase(name);
}

/** The table an entity stands for, with its schema where the alias names one: `billing__invoice["billing.invoice"]`. */
export function entityTable(entity: string): QualifiedName {
  const name = entityTableName(entity);
  const dot = name.indexOf('.');
  return dot > 0 ? { schema: name.slice(0, dot), name: name.slice(dot + 1) } : { name };
}

export interface MermaidReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
}

export function readMermaid(block: CodeBlock, file: string): MermaidReading {
  const reading: MermaidReading = { fragments: [], diagnostics: [] };
  // A diagram schemadoc drew from the document's own SQL (`schemadoc docs`) adds nothing to read.
  if (block.content.includes(DRAWN_FROM_SQL)) return reading;
  const lines = block.content.split('\n');
  let entity: { table: Table; primaryKey: string[] } | undefined;
  lines.forEach((raw, i) => {
    const text = raw.replace(/%%.*$/, '').trim();
    const span: Span = { file, line: block.line + i, column: block.indent + raw.length - raw.trimStart().length + 1, source: 'diagram' };
    if (!text || /^erDiagram\b/.test(text) || /^(direction|title|accTitle|accDescr)\b/.test(text)) return;
    if (entity) {
      if (text === '}') {
        if (entity.primaryKey.length) entity.table.constraints.unshift({ kind: 'primary key', columns: entity.primaryKey, spans: [entity.table.spans[0]!] });
        reading.fragments.push({ kind: 'table', table: entity.table });
        entity = undefined;
        return;
      }
      readAttribute(text, span, entity, reading);
      return;
    }
    const open = ENTITY_OPEN.exec(text);
    if (open) {
      entity = {
        table: {
          ...entityTable(open[1]!), columns: [], constraints: [], rowLevelSecurity: false, forceRowLevelSecurity: false,
          requires: [], spans: [span],
        },
        primaryKey: [],
      };
      return;
    }
    const rel = RELATIONSHIP.exec(text);
    if (rel) {
      reading.fragments.push({
        kind: 'relationship',
        relationship: {
          left: rel[1]!, right: rel[5]!, leftCardinality: LEFT[rel[2]!]!, rightCardinality: RIGHT[rel[4]!]!,
          identifying: rel[3] === '--', label: (rel[6] ?? '').trim().replace(/^"|"$/g, ''), span,
        },
      });
      return;
    }
    reading.diagnostics.push({ code: 'SD140', severity: 'warning', span, cause: 'not read', message: `not read as part of the ER diagram: "${text}"` });
  });
  if (entity) {
    reading.diagnostics.push({ code: 'SD141', severity: 'warning', span: entity.table.spans[0], message: `entity ${entity.table.name} is not closed with }` });
    reading.fragments.push({ kind: 'table', table: entity.table });
  }
  return reading;
}

/**
 * tbls writes a type's spaces and parentheses as underscores (Mermaid allows neither):
 * `character_varying_255_` is character varying(255), `timestamp_with_time_zone`,
 * `numeric_10_2_`. A name that is no type as written but is one decoded is that type.
 */
function decodedType(written: string): string {
  if (!written.includes('_') || isTypeCell(written)) return written;
  const decoded = written.replace(/_(\d+)(?:_(\d+))?_$/, (_, p: string, s?: string) => `(${p}${s ? `, ${s}` : ''})`).replace(/_/g, ' ').trim();
  return isTypeCell(decoded) ? decoded : written;
}

function readAttribute(text: string, span: Span, entity: { table: Table; primaryKey: string[] }, reading: MermaidReading): void {
  const m = ATTRIBUTE.exec(text);
  if (!m) {
    reading.diagnostics.push({ code: 'SD140', severity: 'warning', span, cause: 'not read', message: `not read as an attribute of ${entity.table.name}: "${text}"` });
    return;
  }
  const keys = (m[3] ?? '').toUpperCase().split(/[\s,]+/).filter(Boolean);
  const type = readTypeCell(decodedType(m[1]!.replace(/-/g, ' ')));
  const parsed = parseOne(`CREATE TABLE x (c ${type.sql ?? 'text'})`);
  const typeName = 'error' in parsed ? undefined : parsed.node.tableElts?.[0]?.ColumnDef?.typeName;
  if (!typeName) {
    reading.diagnostics.push({ code: 'SD142', severity: 'warning', span, message: `type ${m[1]} of ${entity.table.name}.${m[2]} is not a type schemadoc knows; read as text` });
  }
  const column: Column = {
    name: m[2]!.replace(/^\*/, ''),
    type: typeRef(typeName ?? { names: [{ String: { sval: 'text' } }], typemod: -1 }),
    notNull: keys.includes('PK'),
    ...(m[4] ? { comment: m[4] } : {}),
    spans: [span],
  };
  entity.table.columns.push(column);
  if (keys.includes('PK')) entity.primaryKey.push(column.name);
  if (keys.includes('UK')) entity.table.constraints.push({ kind: 'unique', columns: [column.name], spans: [span] } satisfies Constraint);
  if (keys.includes('FK')) reading.fragments.push({ kind: 'foreign-key-hint', table: { ...(entity.table.schema ? { schema: entity.table.schema } : {}), name: entity.table.name }, column: column.name, span });
}

