// Indexes that no constraint makes: dropped, built, renamed (the same definition under another
// name), or dropped and built again; with `concurrently`, built on existing tables without
// blocking writes (outside the transaction, as PostgreSQL requires).
import type { Index } from '../../schema/model.js';
import { ident, qualified } from '../../pg/quote.js';
import { change } from './change.js';
import { byKey, relationKey, type Planning } from './context.js';
import { nameKey, shownName } from '../../schema/names.js';
import { hazard } from './hazards.js';

export function planIndexes(p: Planning): void {
  const before = byKey(p.from.indexes, nameKey);
  const after = byKey(p.to.indexes, nameKey);
  const gone: Index[] = [];
  for (const index of p.from.indexes) {
    // An index goes with its table (or materialized view).
    if (p.dropped.has(relationKey(index.table))) continue;
    const next = after.get(nameKey(index));
    if (next && next.definition === index.definition && !p.made.has(relationKey(index.table))) continue;
    gone.push(index);
  }
  for (const index of p.to.indexes) {
    const old = before.get(nameKey(index));
    const onNew = p.made.has(relationKey(index.table));
    if (old && old.definition === index.definition && !onNew) continue;
    const renamed = !old && !onNew ? gone.findIndex((g) => !after.has(nameKey(g)) && anonymous(g) === anonymous(index)) : -1;
    if (renamed >= 0) {
      const [from] = gone.splice(renamed, 1);
      p.renames.push(change('rename', 'index', shownName(index), [`ALTER INDEX ${qualified(from!)} RENAME TO ${ident(index.name)};`], { spans: index.spans }));
      continue;
    }
    createIndex(p, index, !onNew);
  }
  for (const index of gone) {
    p.dropped.add(relationKey(index));
    p.before.push(change('drop', 'index', shownName(index), [`DROP INDEX ${qualified(index)};`], { provides: [relationKey(index)], requires: [relationKey(index.table)] }));
  }
}

function createIndex(p: Planning, index: Index, existing: boolean): void {
  p.made.add(relationKey(index));
  const concurrently = existing && p.options.concurrently;
  const sql = concurrently ? index.definition!.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ') : index.definition!;
  const hazards = existing && !concurrently
    ? [hazard('SD806', `builds index ${shownName(index)} on ${shownName(index.table)} without CONCURRENTLY: writes to the table wait until it is built`)] : [];
  p.main.push(change('create', 'index', shownName(index), [`${sql};`], {
    hazards, spans: index.spans, ...(concurrently ? { outsideTransaction: true } : {}),
    provides: [relationKey(index)], requires: [relationKey(index.table), ...(index.requires ?? [])],
  }));
}

/** The definition without the index's own name. */
const anonymous = (index: Index) => `${nameKey(index.table)} ${index.definition!.replace(/^(CREATE (UNIQUE )?INDEX )\S+/, '$1')}`;
