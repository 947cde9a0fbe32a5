// Tables described by several representations (SQL, a column table, a diagram, code) are
// one table: matched by name (`USER` ≈ `users`, `ActiveSession` ≈ `active_sessions`) across
// representations, taken from the one that wins by precedence, the others kept to compare.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { QualifiedName, SourceKind, Table } from '../schema/model.js';
import { DEFAULT_SCHEMA, displayName, looseName, objectKey } from '../schema/names.js';

/** Which representation wins when several describe the same table (lower wins). */
const PRECEDENCE: SourceKind[] = ['sql', 'column-table', 'bullets', 'code', 'diagram', 'prose'];

export function sourceOf(table: Table): SourceKind {
  return table.spans[0]?.source ?? 'prose';
}

export interface MergedTables {
  tables: Table[];
  /** The table a name denotes: exactly, or (across representations) loosely. */
  find(name: QualifiedName): Table | undefined;
  /** The other representations of each table, for comparison. */
  alternatives: Map<Table, Table[]>;
  diagnostics: Diagnostic[];
}

export function mergeTables(described: Table[]): MergedTables {
  const tables: Table[] = [];
  const exact = new Map<string, Table>();
  const loose = new Map<string, Table[]>();
  const alternatives = new Map<Table, Table[]>();
  const diagnostics: Diagnostic[] = [];
  const find = (name: QualifiedName): Table | undefined => {
    const found = exact.get(objectKey('relation', name));
    if (found) return found;
    const candidates = [...new Set(loose.get(looseKey(name)) ?? [])];
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  for (const table of described) {
    const same = exact.get(objectKey('relation', table));
    // Two tables of one representation are the same table only by exact name; across representations, loosely.
    const match = same ?? (loose.get(looseKey(table)) ?? []).find((t) => sourceOf(t) !== sourceOf(table) && !alternatives.get(t)?.some((a) => sourceOf(a) === sourceOf(table)));
    if (!match) {
      tables.push(table);
      alternatives.set(table, []);
      indexTable(exact, loose, table);
      continue;
    }
    if (sourceOf(match) === sourceOf(table)) {
      diagnostics.push({
        code: 'SD202', severity: 'warning', span: table.spans[0],
        message: `table ${displayName(table)} is defined again; the first definition is used`,
        related: [{ span: match.spans[0]!, message: 'first defined here' }],
      });
      continue;
    }
    const [winner, loser] = PRECEDENCE.indexOf(sourceOf(table)) < PRECEDENCE.indexOf(sourceOf(match)) ? [table, match] : [match, table];
    // Code and column tables name real tables: a different name is a disagreement (a diagram's entity names are its own).
    if (winner.name !== loser.name && sourceOf(loser) !== 'diagram') {
      diagnostics.push({
        code: 'SD237', severity: 'warning', span: loser.spans[0],
        message: `the ${sourceOf(loser)} names this table ${displayName(loser)}, while the ${sourceOf(winner)} names it ${displayName(winner)}; schemadoc uses ${displayName(winner)}`,
        related: [{ span: winner.spans[0]!, message: `${displayName(winner)} as the ${sourceOf(winner)} defines it` }],
      });
    }
    if (winner === table) {
      tables[tables.indexOf(match)] = winner;
      alternatives.set(winner, [...(alternatives.get(match) ?? []), match]);
      alternatives.delete(match);
      winner.spans.push(...match.spans);
      addColumnSpans(winner, match);
      // Every name the replaced table was found by now finds the winner.
      exact.set(objectKey('relation', match), winner);
      for (const list of loose.values()) for (let i = 0; i < list.length; i++) if (list[i] === match) list[i] = winner;
      indexTable(exact, loose, winner);
    } else {
      alternatives.get(winner)!.push(loser);
      winner.spans.push(...loser.spans);
      addColumnSpans(winner, loser);
      exact.set(objectKey('relation', loser), winner);
    }
  }
  return { tables, find, alternatives, diagnostics };
}

// Functions of the module, not closures per merge: their optimized code outlives a full collection.

function looseKey(name: QualifiedName): string {
  return `${name.schema ?? DEFAULT_SCHEMA}.${looseName(name.name)}`;
}

/** Makes a table findable by its exact name, and loosely by its name and aliases. */
function indexTable(exact: Map<string, Table>, loose: Map<string, Table[]>, table: Table): void {
  exact.set(objectKey('relation', table), table);
  const keys = new Set([looseKey(table)]);
  for (const alias of table.aliases ?? []) keys.add(looseKey({ schema: table.schema, name: alias }));
  for (const key of keys) {
    const tables = loose.get(key);
    if (tables) tables.push(table);
    else loose.set(key, [table]);
  }
}

/** Every place that described a column, on the column that is kept. */
function addColumnSpans(winner: Table, loser: Table): void {
  for (const column of loser.columns) {
    const kept = winner.columns.find((c) => looseName(c.name) === looseName(column.name));
    if (!kept) continue;
    kept.spans.push(...column.spans);
    if (column.maintainedBy) kept.maintainedBy ??= column.maintainedBy;
    if (column.property) kept.property ??= column.property;
    if (column.description) kept.description ??= column.description;
    if (column.codeType) kept.codeType ??= column.codeType;
  }
}
