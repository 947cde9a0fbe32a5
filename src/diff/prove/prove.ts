// Proof of a plan before it runs for real: an embedded copy of the source schema is made and
// filled with generated rows, the plan runs on it, and then the copy must be the target (object
// by object, as verify compares) and every row of every column that stays must be as it was
// (moved with a declared rename; for a column whose type changes, read back as its old type).
import type { Database, PostgresError } from '../../pg/database.js';
import { openDatabase } from '../../pg/database.js';
import { applyStatements } from '../../pg/apply.js';
import { emitStatements } from '../../pg/emit.js';
import { schemasOf } from '../../pg/existing.js';
import { introspect } from '../../pg/introspect/introspect.js';
import { ident, qualified } from '../../pg/quote.js';
import { extensionsFor } from '../../pg/supabase.js';
import { documentedForm } from '../../generate/documented.js';
import type { Schema } from '../../schema/model.js';
import { DEFAULT_SCHEMA, nameKey } from '../../schema/names.js';
import { compareSchemas, type Difference } from '../compare.js';
import type { Change, Plan } from '../plan/change.js';
import { runPlan } from '../plan/run.js';
import { fillTables, type Filled } from './rows.js';

export interface Proof extends Filled {
  /** The source schema does not build on the copy: nothing is proved. */
  unbuilt?: string;
  /** The change PostgreSQL refused on the copy. */
  failed?: { change: Change; error: PostgresError };
  /** What the copy has otherwise than the target after the plan. */
  differences: Difference[];
  /** Tables whose rows of the columns that stay are not all as they were. */
  lost: { table: string; detail: string }[];
}

export const proved = (p: Proof) => !p.unbuilt && !p.failed && p.differences.length === 0 && p.lost.length === 0;

export async function provePlan(from: Schema, to: Schema, plan: Plan): Promise<Proof> {
  return proveChange(from, to, async (db) => {
    const run = await runPlan(db, plan);
    return run.failed;
  });
}

/** What a change did on the copy: nothing wrong, or the change PostgreSQL refused. */
export type ChangeRun = (db: Database) => Promise<{ change: Change; error: PostgresError } | undefined>;

/** The proof of any change of schema (a plan, migration files): run on the copy, then compared with the target. */
export async function proveChange(from: Schema, to: Schema, change: ChangeRun): Promise<Proof> {
  const db = await openDatabase({ dataDir: 'memory://', extensions: [...new Set([...extensionsFor(from), ...extensionsFor(to)])] });
  const proof: Proof = { rows: 0, empty: [], differences: [], lost: [] };
  try {
    for (const role of rolesOf(from, to)) await db.exec(`DO $$ BEGIN CREATE ROLE ${ident(role)}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    const built = await applyStatements(db, emitStatements(documentedForm(from)));
    if (!built.ok) return { ...proof, unbuilt: built.diagnostics[0]?.message ?? 'it does not build' };
    await db.exec('BEGIN');
    Object.assign(proof, await fillTables(db, from));
    await db.exec('COMMIT');
    const kept = keptColumns(from, to);
    const before = await snapshot(db, kept, 'before');
    const failed = await change(db);
    if (failed) return { ...proof, failed };
    const after = await introspect(db, { schemas: [...new Set([...schemasOf(to), ...schemasOf(from)])] });
    // The schema every database has is there whether a side names it or not.
    after.schema.schemas = after.schema.schemas.filter((s) => s.name !== DEFAULT_SCHEMA || to.schemas.some((x) => x.name === DEFAULT_SCHEMA));
    proof.differences = compareSchemas(to, after.schema);
    const now = await snapshot(db, kept, 'after');
    for (const k of kept) {
      const [was, is] = [before.get(k.after.table)!, now.get(k.after.table)!];
      if (was.join('\n') !== is.join('\n')) proof.lost.push({ table: k.after.table, detail: `${was.length} rows before, ${is.length} after; first that differs: ${firstDifference(was, is)}` });
    }
    return proof;
  } finally {
    await db.close().catch(() => {});
  }
}

/** Roles the schemas grant to or write policies for: the copy has them, as the databases do. */
function rolesOf(...schemas: Schema[]): string[] {
  const builtIn = new Set(['PUBLIC', 'public', 'current_user', 'session_user', 'current_role']);
  return [...new Set(schemas.flatMap((s) => [...s.grants.map((g) => g.grantee), ...s.policies.flatMap((p) => p.roles)]))].filter((r) => !builtIn.has(r));
}

interface Kept {
  before: { table: string; columns: string[] };
  after: { table: string; columns: string[] };
}

/** The tables both sides have (by name, or by a declared rename) and the columns they share, each as SQL on its side. */
function keptColumns(from: Schema, to: Schema): Kept[] {
    const targets = new Map(to.tables.map((t) => [nameKey(t), t]));
  for (const t of to.tables) if (t.renamedFrom) targets.set(`${t.schema ?? DEFAULT_SCHEMA}.${t.renamedFrom}`, t);
  const kept: Kept[] = [];
  for (const table of from.tables) {
    const target = targets.get(nameKey(table));
    if (!target || table.partitionBy) continue;
    const pairs = table.columns.flatMap((c) => {
      const next = target.columns.find((x) => x.renamedFrom === c.name) ?? target.columns.find((x) => x.name === c.name && !x.renamedFrom);
      // Converted as the document says: not the same values by intent.
      if (!next || next.using || c.generated || next.generated) return [];
      if (next.type.sql === c.type.sql) return [[ident(c.name), ident(next.name)]];
      // Read back as the old type (a value cut or rounded by the new one then differs); an enum's, as text.
      const back = c.type.schema ? 'text' : c.type.sql;
      return [[`${ident(c.name)}::text`, `${ident(next.name)}::${back}::text`]];
    });
    if (pairs.length) kept.push({ before: { table: qualified(table), columns: pairs.map(([b]) => b!) }, after: { table: qualified(target), columns: pairs.map(([, a]) => a!) } });
  }
  return kept;
}

/** Each table's rows of those columns, as sorted JSON: the same rows read the same. */
async function snapshot(db: Database, kept: Kept[], side: 'before' | 'after'): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>();
  for (const k of kept) {
    const { table, columns } = k[side];
    const found = await db.query<{ row: unknown }>(`SELECT json_build_array(${columns.join(', ')})::text AS row FROM ${table}`);
    rows.set(k.after.table, found.map((r) => JSON.stringify(JSON.parse(String(r.row)))).sort());
  }
  return rows;
}

function firstDifference(was: string[], is: string[]): string {
  const i = was.findIndex((row, n) => row !== is[n]);
  return i < 0 ? 'a row more after' : `${was[i]} became ${is[i] ?? 'nothing'}`;
}
