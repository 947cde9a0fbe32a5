// Facts a document states outside any definition: a comment beside a column
// (`-- References users(id)`) and validation code (`Joi.string().min(4).max(15)`), compared
// with what the schema makes of them.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Schema } from '../schema/model.js';
import { displayName, looseName } from '../schema/names.js';
import type { Fragment } from '../read/fragment.js';
import type { MergedTables } from './tables.js';

type Stated = Extract<Fragment, { kind: 'stated-reference' | 'stated-length' }>;

/** The length a character type declares: `varchar(50)` → 50. */
export function declaredLength(typeSql: string): number | undefined {
  const length = /^(?:character varying|varchar|char|character)\((\d+)\)/.exec(typeSql)?.[1];
  return length === undefined ? undefined : Number(length);
}

export function compareStatedFacts(schema: Schema, merged: MergedTables, stated: Stated[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const fact of stated) {
    if (fact.kind === 'stated-length') {
      // The field is the column of that name, where exactly one table has one.
      const owners = schema.tables.flatMap((t) => t.columns.filter((c) => looseName(c.name) === looseName(fact.field)).map((c) => ({ t, c })));
      const owner = owners.length === 1 ? owners[0]! : undefined;
      const declared = owner && declaredLength(owner.c.type.sql);
      if (!owner || declared === undefined || declared === fact.max) continue;
      diagnostics.push({
        code: 'SD239', severity: 'warning', span: fact.span,
        message: `the validation code allows ${fact.field} ${fact.min !== undefined ? `${fact.min}–` : 'up to '}${fact.max} characters, but ${displayName(owner.t)}.${owner.c.name} is ${owner.c.type.sql}`,
        related: [{ span: owner.c.spans[0]!, message: `${displayName(owner.t)}.${owner.c.name}` }],
      });
    } else {
      const table = merged.find(fact.table);
      if (!table || table.constraints.some((c) => c.kind === 'foreign key' && c.columns.includes(fact.column))) continue;
      diagnostics.push({
        code: 'SD242', severity: 'warning', span: fact.span, cause: 'comment',
        message: `the comment says ${displayName(table)}.${fact.column} references ${displayName(fact.references)}, but no foreign key says so`,
        fix: `ALTER TABLE ${displayName(table)} ADD FOREIGN KEY (${fact.column}) REFERENCES ${displayName(fact.references)};`,
      });
    }
  }
  return diagnostics;
}
