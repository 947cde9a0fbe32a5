// The document's prose structure: which table each heading describes, the column tables
// under it, and the lists that follow them (indexes, constraints, value lists).
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Span } from '../schema/model.js';
import { looseName, modelNameFromTitle, snakeCase, tableNameFromTitle, tableOf } from '../schema/names.js';
import { ident, literal } from '../pg/quote.js';
import { readBullets, listKindOf } from './bullets.js';
import { readRelationsTable, relationsTableLayout } from './relations-table.js';
import { indexesTableLayout, readIndexesTable } from './indexes-table.js';
import { leadingCodeValues, plain } from './column-vocabulary.js';
import { columnNamesOnly, columnTableRoles, readColumnTable, type ColumnTableReading } from './columns-table.js';
import { FIELDS_LABEL, fieldListAsTable, notAField, readField, type Field } from './field-list.js';
import { nameOnly, namesWithoutTypes } from './infer-types.js';
import { boxesIn, type Box } from './box-diagram.js';
import { entityRows } from './entity-table.js';
import type { Fragment } from './fragment.js';
import type { Located, MarkdownElement } from './markdown.js';
import { findPlaceholders, readSignature, saysRlsOnAllTables } from './prose.js';

/** Headings that divide a table's own section (tbls writes `## Columns` under `# users`). */
const SUBSECTION = /^(columns|fields|attributes|properties|relations|relationships|triggers|policies|rls|description|notes|examples?|structure|definition|schema|er diagram|sql)\s*:?$/i;

export interface SectionsReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
}

/**
 * `knownTables` are the tables the document's SQL creates: a list of indexes under a heading
 * describes a table only when some representation defines that table. `diagramTables` are
 * those its diagrams and code define (Mermaid, DBML, Prisma …), which a text diagram's boxes leave to them.
 */
export function readSections(elements: MarkdownElement[], file: string, knownTables: Set<string>, inferTypes = false, diagramTables: string[] = []): SectionsReading {
  const known = new Set(knownTables);
  const fragments: Fragment[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: string | undefined;
  /** The heading above, where it names no table. */
  let heading: string | undefined;
  let currentModel: string | undefined;
  let pending: ColumnTableReading['pendingChecks'] = [];
  let previous: MarkdownElement | undefined;

  /** A table or list of column names with no types: a draft with --infer-types, else one finding. */
  const readNamesWithoutTypes = (names: { name: string; keys: string; at: Located }[], table: string, line: number, headingPath: string[]) => {
    const result = namesWithoutTypes(names, table, line, headingPath, file, inferTypes);
    diagnostics.push(...result.diagnostics);
    const roles = result.table && columnTableRoles(result.table);
    if (!roles) return;
    known.add(table);
    const reading = readColumnTable(result.table!, roles, table, file);
    fragments.push(...reading.fragments);
    diagnostics.push(...reading.diagnostics);
  };
  /** Items read as fields (a name, then its type): the table of columns they say; an item that is none is reported. */
  const readFieldList = (items: Located[], fields: (Field | undefined)[], table: string, line: number, headingPath: string[]) => {
    const list = fieldListAsTable(items, fields, headingPath, line, file);
    diagnostics.push(...list.diagnostics);
    const roles = list.table.rows.length ? columnTableRoles(list.table) : undefined;
    if (!roles) return;
    known.add(table);
    const reading = readColumnTable(list.table, roles, table, file);
    fragments.push(...reading.fragments);
    diagnostics.push(...reading.diagnostics);
  };
  const boxes: { box: Box; headingPath: string[] }[] = [];
  for (const element of elements) {
    for (const text of textsOf(element)) diagnostics.push(...findPlaceholders(text, file, 'prose'));
    if (element.kind === 'code' && TEXT_BLOCK.test(element.lang)) {
      for (const box of boxesIn(element.content, element.line, element.indent)) boxes.push({ box, headingPath: element.headingPath });
    }
    if (element.kind === 'code') {
      diagnostics.push(...findPlaceholders({ text: element.content, line: element.line, column: element.indent + 1 }, file, 'sql', true));
    }
    switch (element.kind) {
      case 'paragraph':
        if (saysRlsOnAllTables(element.text)) fragments.push({ kind: 'rls-all-tables', span: spanOf(element, file) });
        // The first paragraph under a table's heading says what the table is (not a label such as `Columns:`).
        if (current && previous?.kind === 'heading' && isDescription(element.text)) {
          fragments.push({ kind: 'table-description', table: current, text: plain(element.text) });
        }
        break;
      case 'heading': {
        const signature = readSignature(element.text, spanOf(element, file));
        if (signature) {
          fragments.push(signature);
          break;
        }
        if (!listKindOf(element.text) && !SUBSECTION.test(plain(element.text.replace(/^#+\s*/, '')))) {
          current = tableNameFromTitle(element.text);
          heading = current ? undefined : plain(element.text.replace(/^#+\s*/, ''));
          currentModel = modelNameFromTitle(element.text);
          reportPending(pending, diagnostics);
          pending = [];
        }
        break;
      }
      case 'table': {
        const indexes = current ? indexesTableLayout(element) : undefined;
        if (indexes) {
          fragments.push(...readIndexesTable(element, indexes, current!, file));
          break;
        }
        const relations = relationsTableLayout(element);
        if (relations) {
          const reading = readRelationsTable(element, relations, file);
          fragments.push(...reading.fragments);
          diagnostics.push(...reading.diagnostics);
          break;
        }
        const entities = entityRows(element);
        if (entities) {
          for (const entity of entities) if (!known.has(entity.table)) readNamesWithoutTypes(entity.names, entity.table, entity.line, element.headingPath);
          break;
        }
        const roles = columnTableRoles(element);
        const names = roles || !current || known.has(current) ? undefined : columnNamesOnly(element);
        if (names) {
          readNamesWithoutTypes(names, current!, element.line, element.headingPath);
          break;
        }
        if (!roles) break;
        const name = labelledTable(previous) ?? current;
        if (!name) {
          diagnostics.push({
            code: 'SD119', severity: 'warning', span: { file, line: element.line, column: 1, source: 'column-table' },
            message: heading
              ? `a table of columns under the heading \`${heading}\`, which is not a table name (a name, or a **Table: name** label above the table); it is left out`
              : 'a table of columns with no table name above it (a heading or a **Table: name** label); it is left out',
          });
          break;
        }
        current = name;
        known.add(name);
        const reading = readColumnTable(element, roles, name, file, name === current && currentModel ? [currentModel] : []);
        fragments.push(...reading.fragments);
        diagnostics.push(...reading.diagnostics);
        reportPending(pending, diagnostics);
        pending = reading.pendingChecks;
        break;
      }
      case 'list': {
        for (const item of element.items) {
          const signature = readSignature(item.text, spanOf(item, file), true);
          if (signature) fragments.push(signature);
          if (saysRlsOnAllTables(item.text)) fragments.push({ kind: 'rls-all-tables', span: spanOf(item, file) });
        }
        const label = previous?.kind === 'paragraph' || previous?.kind === 'heading' ? previous.text : '';
        const kind = listKindOf(label);
        const top = element.items.filter((i) => i.depth === 0);
        if (kind) {
          const table = current && known.has(current) ? tableOf(current) : undefined;
          const reading = readBullets(kind, top, table, file, known);
          fragments.push(...reading.fragments);
          diagnostics.push(...reading.diagnostics);
        } else if (pending.length && label && !FIELDS_LABEL.test(listLabel(label))) {
          pending = applyValueList(label, element.items.flatMap((i) => leadingCodeValues(i.text)), pending, diagnostics);
        } else if (current && !known.has(current)) {
          // The columns of a table nothing else defines, as bullets: read as the table of columns they say.
          const fields = top.map((i) => readField(i.text));
          if (isFieldList(label, fields, current)) {
            readFieldList(top, fields, current, element.line, element.headingPath);
          } else if (looksLikeColumnNames(top)) {
            readNamesWithoutTypes(top.map((at) => ({ ...nameOnly(at.text)!, at })), current, element.line, element.headingPath);
          }
        }
        break;
      }
      default:
        break;
    }
    previous = element;
  }
  reportPending(pending, diagnostics);
  // A diagram's boxes, last: a table the document describes in another form is described there.
  const knownLoosely = new Set([...known, ...diagramTables].map((t) => looseName(t.split('.').pop()!)));
  for (const { box, headingPath } of boxes) {
    const table = tableNameFromTitle(box.title.text);
    if (!table || knownLoosely.has(looseName(table.split('.').pop()!))) continue;
    knownLoosely.add(looseName(table));
    const fields = box.rows.map((row) => readField(row.text));
    const names = box.rows.map((row) => nameOnly(row.text));
    const most = (read: unknown[]) => read.filter(Boolean).length >= Math.max(2, 0.75 * read.length);
    if (most(fields)) {
      readFieldList(box.rows, fields, table, box.title.line, headingPath);
    } else if (most(names)) {
      readNamesWithoutTypes(box.rows.flatMap((at, i) => (names[i] ? [{ ...names[i]!, at }] : [])), table, box.title.line, headingPath);
      // A row that is no name (`salary_min/max`) is reported as an item of a field list would be.
      diagnostics.push(...box.rows.filter((_, i) => !names[i]).map((row) => notAField(row, file)));
    }
  }
  return { fragments, diagnostics };
}

/** Blocks that hold text, not code: where diagrams are drawn. */
const TEXT_BLOCK = /^(|text|txt|plaintext|ascii|diagram)$/;

/** A sentence or two of prose: not a label (`**Columns**`, `Used by:`), a link alone or an image. */
function isDescription(text: string): boolean {
  const prose = plain(text);
  return prose.length >= 8 && !/[:：]$/u.test(prose) && !/^\*\*[^*]+\*\*:?$/.test(text.trim()) && !/^!?\[[^\]]*\]\([^)]*\)$/.test(text.trim());
}

/** Two or more bare names, one of them a key or timestamp by its name (`id`, `user_id`, `created_at`). */
function looksLikeColumnNames(items: Located[]): boolean {
  const names = items.map((i) => nameOnly(i.text));
  return items.length >= 2 && names.every(Boolean) && names.some((n) => /^id$|_id$|[a-z]Id$|_at$/.test(n!.name));
}

/** `**Fields:**` → `fields`. */
function listLabel(label: string): string {
  return plain(label).toLowerCase().replace(/[:：\s]+$/u, '');
}

/**
 * Most items fields after `**Fields:**` (or `Columns:` …), or nearly all of two or more under a
 * table's heading; a list of what fields mean (`` `createdAt`: set on creation ``) is prose.
 */
function isFieldList(label: string, fields: (Field | undefined)[], table: string): boolean {
  const read = fields.filter(Boolean).length;
  if (FIELDS_LABEL.test(listLabel(label))) return read >= 0.6 * fields.length;
  return read >= 2 && read >= 0.75 * fields.length && !OBJECT_KINDS.test(table);
}

/** Headings that name a kind of object, not a table: `## Types` lists types, `## Views` views. */
const OBJECT_KINDS = /^(types|enums|enumerations|domains|functions|procedures|views|materialized_views|indexes|indices|sequences|triggers|policies|extensions|schemas|tables|relations|relationships|constraints|overview|summary|conventions|notes|glossary)$/;

function spanOf(at: Located, file: string): Span {
  return { file, line: at.line, column: at.column, source: 'prose' };
}

/** The prose of an element, where placeholders are looked for. */
function textsOf(element: MarkdownElement): Located[] {
  switch (element.kind) {
    case 'heading':
    case 'paragraph':
      return [element];
    case 'list':
      return element.items;
    case 'table':
      return [...element.header, ...element.rows.flat()];
    default:
      return [];
  }
}

/** `**Table: orders**` or `**orders**` right above a table names it. */
function labelledTable(previous: MarkdownElement | undefined): string | undefined {
  if (previous?.kind !== 'paragraph') return undefined;
  const m = /^\*\*\s*(?:table\s*:\s*)?`?([\p{L}_][\p{L}\p{N}_.]*)`?\s*\*\*:?$/iu.exec(previous.text.trim())
    ?? /^table\s*:\s*`?([\p{L}_][\p{L}\p{N}_.]*)`?$/iu.exec(plain(previous.text));
  // `**Columns**` above the table labels the part of a section, not a table.
  return m && !SUBSECTION.test(m[1]!) ? m[1]!.toLowerCase() : undefined;
}

/**
 * A list below a column table whose label names a column with a bare CHECK
 * (`**Analysis Types**:` for `analysis_type`, `**Action Types**:` for `action`) gives its values.
 */
function applyValueList(
  label: string, values: string[], pending: ColumnTableReading['pendingChecks'], diagnostics: Diagnostic[],
): ColumnTableReading['pendingChecks'] {
  if (values.length < 2) return pending;
  const words = snakeCase(plain(label).replace(/[:\s]+$/, '').replace(/[^\p{L}\p{N}\s_]/gu, '')).split('_');
  const candidates = new Set([
    words.join('_'), words.join('_').replace(/s$/, ''), words.slice(0, -1).join('_'),
  ]);
  const match = pending.find((p) => candidates.has(p.column.name));
  if (!match) return pending;
  match.table.constraints.push({
    kind: 'check', columns: [match.column.name],
    expression: `${ident(match.column.name)} IN (${values.map(literal).join(', ')})`, spans: [match.span],
  });
  diagnostics.push({
    code: 'SD120', severity: 'info', span: match.span, cause: 'value list',
    message: `CHECK on ${match.column.name} reads its values from the list "${plain(label).replace(/[:\s]+$/, '')}": ${values.join(', ')}`,
  });
  return pending.filter((p) => p !== match);
}

function reportPending(pending: ColumnTableReading['pendingChecks'], diagnostics: Diagnostic[]): void {
  for (const p of pending) {
    diagnostics.push({
      code: 'SD121', severity: 'warning', span: p.span,
      message: `column ${p.column.name} of ${p.table.name} says CHECK but no condition or value list is given; no CHECK is created`,
    });
  }
}
