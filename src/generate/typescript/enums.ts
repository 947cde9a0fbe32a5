// Enums as TypeScript has them: a union of string literals, and a const object of the values.
import type { EnumType } from '../../schema/model.js';
import { nameKey, shownName } from '../../schema/names.js';
import { jsDoc, Names, pascalCase, propertyKey, stringLiteral } from './names.js';

/** `mood`, `auth.aal_level` → `Mood`, `AuthAalLevel`. */
export function enumName(e: EnumType, names: Names): string {
  return names.name(`type:${nameKey(e)}`, pascalCase(shownName(e)));
}

export const enumUnion = (e: EnumType) => (e.values.length ? e.values.map(stringLiteral).join(' | ') : 'never');

export function enumDeclarations(e: EnumType, names: Names, withObject: boolean): string {
  const name = enumName(e, names);
  const union = `${jsDoc(e.comment)}export type ${name} = ${enumUnion(e)};\n`;
  if (!withObject) return union;
  const entries = e.values.map((v) => `  ${propertyKey(v)}: ${stringLiteral(v)},`).join('\n');
  return `${union}export const ${name} = {\n${entries}\n} as const;\n`;
}
