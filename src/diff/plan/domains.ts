// A domain whose base type stays is altered where it stands (its columns keep their values):
// its default, NOT NULL and checks, a new check added NOT VALID and then validated. Read from
// the definition introspection prints: `CREATE DOMAIN name AS base [DEFAULT …] [NOT NULL]
// [CONSTRAINT name CHECK (…)]…`.
import type { DefinedObject } from '../../schema/model.js';
import { qualified } from '../../pg/quote.js';
import { shownName } from '../../schema/names.js';
import { hazard, type Hazard } from './hazards.js';


interface DomainParts {
  base: string;
  default?: string;
  notNull: boolean;
  /** Check definitions by constraint name (as SQL). */
  checks: Map<string, string>;
}

function domainParts(definition: string): DomainParts | undefined {
  const m = /^CREATE DOMAIN \S+ AS (.*)$/s.exec(definition);
  if (!m) return undefined;
  const at = m[1]!.indexOf(' CONSTRAINT ');
  let head = at < 0 ? m[1]! : m[1]!.slice(0, at);
  const checks = new Map<string, string>();
  for (const c of (at < 0 ? '' : m[1]!.slice(at)).matchAll(/ CONSTRAINT ("(?:[^"]|"")+"|\S+) (CHECK .*?)(?= CONSTRAINT |$)/gs)) checks.set(c[1]!, c[2]!);
  const notNull = head.endsWith(' NOT NULL');
  if (notNull) head = head.slice(0, -' NOT NULL'.length);
  const [base, defaultValue] = head.split(/ DEFAULT (.*)/s);
  return { base: base!, notNull, checks, ...(defaultValue !== undefined ? { default: defaultValue } : {}) };
}

/** The statements that alter one domain into the other, or undefined when its base type changes. */
export function alterDomain(from: DefinedObject, to: DefinedObject): { statements: string[]; hazards: Hazard[] } | undefined {
  const [a, b] = [domainParts(from.definition), domainParts(to.definition)];
  if (!a || !b || a.base !== b.base) return undefined;
  const name = `ALTER DOMAIN ${qualified(to)}`;
  const statements: string[] = [];
  const hazards: Hazard[] = [];
  if (a.default !== b.default) statements.push(b.default === undefined ? `${name} DROP DEFAULT;` : `${name} SET DEFAULT ${b.default};`);
  if (a.notNull !== b.notNull) {
    statements.push(`${name} ${b.notNull ? 'SET' : 'DROP'} NOT NULL;`);
    if (b.notNull) hazards.push(hazard('SD805', `makes domain ${shownName(to)} NOT NULL: fails if a column of it holds NULL`));
  }
  for (const [constraint, check] of a.checks) if (b.checks.get(constraint) !== check) statements.push(`${name} DROP CONSTRAINT ${constraint};`);
  for (const [constraint, check] of b.checks) {
    if (a.checks.get(constraint) === check) continue;
    statements.push(`${name} ADD CONSTRAINT ${constraint} ${check} NOT VALID;`, `${name} VALIDATE CONSTRAINT ${constraint};`);
    hazards.push(hazard('SD805', `adds check ${constraint} to domain ${shownName(to)}: fails if a value of it breaks it`));
  }
  return { statements, hazards };
}
