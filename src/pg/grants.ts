// Privileges as SQL, and what PostgreSQL grants by default: an object's owner has every
// privilege on it, and PUBLIC may execute a function unless that is revoked.
import type { Grant, Schema, SqlFunction } from '../schema/model.js';
import { ident, qualified } from './quote.js';

const role = (name: string) => (name === 'PUBLIC' ? name : ident(name));

export const grantSql = (g: Grant) =>
  `GRANT ${g.privilege} ON ${g.objectKind} ${g.object} TO ${role(g.grantee)}${g.grantable ? ' WITH GRANT OPTION' : ''}`;

export const revokeSql = (g: Pick<Grant, 'objectKind' | 'object' | 'grantee' | 'privilege'>) =>
  `REVOKE ${g.privilege} ON ${g.objectKind} ${g.object} FROM ${role(g.grantee)}`;

/** EXECUTE to PUBLIC on a function: what every function has unless it is revoked. */
export const isDefaultGrant = (g: Grant) =>
  (g.objectKind === 'FUNCTION' || g.objectKind === 'PROCEDURE') && g.grantee === 'PUBLIC' && g.privilege === 'EXECUTE' && !g.grantable;

/** `public.total(integer)`, as privileges name a function. */
export const routineObject = (f: SqlFunction) => `${qualified(f)}(${f.argumentTypes.join(', ')})`;

/** The functions PUBLIC may not execute (their default revoked). */
export function revokedFromPublic(schema: Schema): SqlFunction[] {
  const executable = new Set(schema.grants.filter(isDefaultGrant).map((g) => g.object));
  return schema.functions.filter((f) => f.kind !== 'aggregate' && !executable.has(routineObject(f)));
}

/** Whether a schema grants anything beyond PostgreSQL's defaults, or revokes one of them. */
export function statesGrants(schema: Schema): boolean {
  return schema.grants.some((g) => !isDefaultGrant(g)) || revokedFromPublic(schema).length > 0;
}
