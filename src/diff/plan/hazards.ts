// What a change risks on a database that has rows, with a stable code and a docs page each
// (docs/hazards/SD8xx.md). A plan with hazards is applied only when they are allowed by code.
export const HAZARDS = {
  SD801: { name: 'drops-table', summary: 'A table is dropped, with its rows' },
  SD802: { name: 'drops-column', summary: 'A column is dropped, with its values' },
  SD803: { name: 'changes-type', summary: 'A column changes type: the table is rewritten, and values that do not convert fail the change or change' },
  SD804: { name: 'removes-enum-value', summary: 'An enum value is removed or the values reordered: rows that hold a removed value fail the change' },
  SD805: { name: 'checks-existing-rows', summary: 'A new NOT NULL, unique, primary key, check or exclusion constraint on a table that has rows fails if a row breaks it' },
  SD806: { name: 'locks-table', summary: 'An index is built on an existing table without CONCURRENTLY: writes to the table wait until it is built' },
  SD807: { name: 'rewrites-table', summary: 'The table is rewritten under an exclusive lock (SET LOGGED/UNLOGGED, a stored generated column added)' },
  SD808: { name: 'drops-data-object', summary: 'A sequence is dropped: its position is lost' },
} as const;

export type HazardCode = keyof typeof HAZARDS;

export interface Hazard {
  code: HazardCode;
  /** What is at risk, in this plan: `drops column users.legacy_id`. */
  message: string;
}

export const hazard = (code: HazardCode, message: string): Hazard => ({ code, message });
