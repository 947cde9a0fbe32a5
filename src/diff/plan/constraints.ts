// Constraints of tables both sides have, by name: dropped, added, renamed (the same definition
// under another name), or dropped and added again. Checks and foreign keys on an existing table
// are added NOT VALID and then validated, so that the table is not locked while rows are checked.
import type { Constraint, ObjectKey, Table } from '../../schema/model.js';
import { constraintSql, keysOf, referencedKey } from '../../pg/emit.js';
import { ident, qualified } from '../../pg/quote.js';
import { change } from './change.js';
import { byKey, onTableKey, relationKey, type Planning } from './context.js';
import { nameKey, shownName } from '../../schema/names.js';
import { hazard } from './hazards.js';

const own = (t: Table) => t.constraints.filter((c) => !c.inherited);

export function planConstraints(p: Planning): void {
  const after = byKey(p.to.tables, nameKey);
  const before = byKey(p.from.tables, nameKey);
  // The unique keys dropped: the foreign keys that reference them go first and come back after.
  const droppedKeys = new Set<ObjectKey>();
  const pending: [Table, Constraint][] = [];
  // Renamed: the same definition under a name the other side does not have.
  const renamed = new Set<Constraint>();
  for (const table of p.from.tables) {
    const other = after.get(nameKey(table));
    if (!other || p.dropped.has(relationKey(table))) continue;
    const mine = new Set(own(table).map((c) => c.name));
    const theirs = new Set(own(other).map((c) => c.name));
    const added = own(other).filter((c) => !mine.has(c.name));
    for (const c of own(table).filter((x) => !theirs.has(x.name))) {
      const same = added.findIndex((x) => x.kind === c.kind && x.definition === c.definition);
      if (same < 0) continue;
      const [now] = added.splice(same, 1);
      renamed.add(c).add(now!);
      p.renames.push(change('rename', 'constraint', `${shownName(other)}.${now!.name}`,
        [`ALTER TABLE ${qualified(other)} RENAME CONSTRAINT ${ident(c.name!)} TO ${ident(now!.name!)};`], { spans: now!.spans }));
    }
  }
  for (const table of p.from.tables) {
    const other = after.get(nameKey(table));
    if (!other || p.dropped.has(relationKey(table))) continue;
    const theirs = byKey(own(other), (c) => c.name!);
    for (const c of own(table)) {
      if (renamed.has(c)) continue;
      const next = theirs.get(c.name!);
      if (next && next.definition === c.definition) pending.push([table, c]);
      else {
        dropConstraint(p, table, c);
        for (const k of keysOf(table, c)) droppedKeys.add(k);
      }
    }
  }
  // A foreign key whose referenced key or table is made again is made again with it.
  for (const [table, c] of pending) {
    if (c.kind === 'foreign key' && (droppedKeys.has(referencedKey(c)) || p.dropped.has(relationKey(c.references!)))) dropConstraint(p, table, c);
  }
  for (const table of p.to.tables) {
    const old = before.get(nameKey(table));
    const existing = old && !p.made.has(relationKey(table));
    const had = existing ? byKey(own(old), (c) => c.name!) : new Map<string, Constraint>();
    for (const c of own(table)) {
      if (!existing) {
        if (c.kind === 'foreign key') addConstraint(p, table, c, false);
        continue;
      }
      if (renamed.has(c) || (had.has(c.name!) && !p.dropped.has(onTableKey('constraint', table, c.name!)))) continue;
      addConstraint(p, table, c, true);
    }
  }
}

function dropConstraint(p: Planning, table: Table, c: Constraint): void {
  p.dropped.add(onTableKey('constraint', table, c.name!));
  p.before.push(change('drop', 'constraint', `${shownName(table)}.${c.name}`, [`ALTER TABLE ${qualified(table)} DROP CONSTRAINT ${ident(c.name!)};`], {
    provides: keysOf(table, c), requires: c.kind === 'foreign key' ? [referencedKey(c), relationKey(table)] : [relationKey(table)],
  }));
}

function addConstraint(p: Planning, table: Table, c: Constraint, existing: boolean): void {
  p.made.add(onTableKey('constraint', table, c.name!));
  const name = qualified(table);
  const statements = [];
  const hazards = [];
  // Added NOT VALID and validated after: rows are checked without blocking writes.
  if (existing && (c.kind === 'check' || c.kind === 'foreign key') && !c.notValid) {
    statements.push(`ALTER TABLE ${name} ADD ${constraintSql(c)} NOT VALID;`, `ALTER TABLE ${name} VALIDATE CONSTRAINT ${ident(c.name!)};`);
  } else statements.push(`ALTER TABLE ${name} ADD ${constraintSql(c)};`);
  if (existing && c.kind !== 'foreign key' && !c.notValid) {
    hazards.push(hazard('SD805', `adds ${c.kind} constraint ${c.name} on ${shownName(table)}: fails if a row breaks it`));
  }
  p.main.push(change('create', c.kind === 'foreign key' ? 'foreign key' : 'constraint', `${shownName(table)}.${c.name}`, statements, {
    hazards, spans: c.spans, provides: keysOf(table, c),
    requires: [relationKey(table), ...(c.references ? [relationKey(c.references), referencedKey(c)] : [])],
  }));
}
