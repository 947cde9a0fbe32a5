// Migration files: `<id>_<name>.up.sql` and `.down.sql` in a folder, in id order (the id is a
// UTC timestamp, so name order is the order they were made in). A file's checksum is what it was
// applied as: a migration changed after it was applied is refused, never run again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Change, Plan } from '../diff/plan/change.js';
import { planSql } from '../diff/plan/script.js';

export const DEFAULT_MIGRATIONS_DIR = 'migrations';

export interface MigrationFile {
  /** `20261202081500_add_orders`: what the history records. */
  id: string;
  up: string;
  down?: string;
  upPath: string;
  checksum: string;
}

const FILE = /^(\d{14}_[\w-]+)\.(up|down)\.sql$/;

export function migrationFiles(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  const found = new Map<string, { up?: string; down?: string }>();
  for (const name of readdirSync(dir).sort()) {
    const m = FILE.exec(name);
    if (!m) continue;
    const entry = found.get(m[1]!) ?? {};
    entry[m[2] as 'up' | 'down'] = join(dir, name);
    found.set(m[1]!, entry);
  }
  return [...found].filter(([, f]) => f.up).map(([id, f]) => {
    const up = readFileSync(f.up!, 'utf8');
    return { id, up, upPath: f.up!, checksum: checksum(up), ...(f.down ? { down: readFileSync(f.down, 'utf8') } : {}) };
  });
}

export const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where a migration's statements that cannot run in a transaction begin: each runs alone, after the commit. */
export const OUTSIDE_TRANSACTION = '-- schemadoc: outside the transaction';

/** A migration's SQL: what runs in its transaction, then what cannot. */
export function migrationSql(plan: Plan, heading: string): string {
  const inside = plan.changes.filter((c) => !c.outsideTransaction);
  const outside = plan.changes.filter((c) => c.outsideTransaction);
  const hazards = plan.changes.flatMap((c) => c.hazards).map((h) => `--   ${h.code} ${h.message}`);
  const head = [`-- ${heading}`, ...(hazards.length ? ['-- Hazards:', ...hazards] : []), ''].join('\n');
  const body = planSql({ ...plan, changes: inside });
  return head + '\n' + body + (outside.length ? `\n${OUTSIDE_TRANSACTION}\n\n${outside.map(changeText).join('\n')}` : '');
}

const changeText = (c: Change) => `-- ${c.action} ${c.kind} ${c.name}\n${c.statements.join('\n')}\n`;

/** The part of a migration that runs in its transaction, and the statements that run alone after it. */
export function migrationParts(sql: string): { inside: string; outside: string[] } {
  const at = sql.indexOf(OUTSIDE_TRANSACTION);
  if (at < 0) return { inside: sql, outside: [] };
  const outside = sql.slice(at + OUTSIDE_TRANSACTION.length).split(/\n(?=-- )/).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s));
  return { inside: sql.slice(0, at), outside };
}

/** `20261202081500_add_orders`: now, in UTC, and after every id there is (two made in one second stay in order). */
export function migrationId(name: string, existing: string[], now = new Date()): string {
  const last = existing.map((id) => id.slice(0, 14)).sort().pop();
  let at = now;
  if (last && at.toISOString().replace(/[-:T]/g, '').slice(0, 14) <= last) {
    const [y, mo, d, h, mi, se] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(last.slice(i, i + (k ? 2 : 4))));
    at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, se! + 1));
  }
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'change';
  return `${stamp}_${slug}`;
}

export function writeMigration(dir: string, id: string, up: string, down: string): { up: string; down: string } {
  mkdirSync(dir, { recursive: true });
  const paths = { up: join(dir, `${id}.up.sql`), down: join(dir, `${id}.down.sql`) };
  for (const path of Object.values(paths)) if (existsSync(path)) throw new Error(`${path} exists`);
  writeFileSync(paths.up, up);
  writeFileSync(paths.down, down);
  return paths;
}
