// The types a document's code gives json columns (`settings: UserSettings`), used by the
// generated types when the user says which module declares them (`--json-types ./types.js`).
import type { CodeOptions } from './options.js';
import type { TypedColumn, TypedRelation } from './relations.js';

/** The column's declared type, when there is one and a module to import it from. */
export const codeTypeOf = (c: TypedColumn, options: CodeOptions): string | undefined => (options.jsonTypes ? c.codeType : undefined);

/** `import type { Address, UserSettings } from './types.js';`, or nothing. */
export function codeTypesImport(relations: TypedRelation[], options: CodeOptions): string {
  if (!options.jsonTypes) return '';
  const names = new Set(relations.flatMap((r) => r.columns).flatMap((c) => (c.codeType ? [/^[A-Za-z_$][\w$]*/.exec(c.codeType)![0]] : [])));
  return names.size ? `import type { ${[...names].sort().join(', ')} } from ${JSON.stringify(options.jsonTypes)};\n` : '';
}
