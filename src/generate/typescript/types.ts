// `schemadoc generate types`: for every table a Row, an Insert and an Update type, for every
// view a Row type, and enums as unions and const objects, with no library.
import type { Schema } from '../../schema/model.js';
import { codeTypeOf, codeTypesImport } from './code-types.js';
import { SHARED, Used } from './definitions.js';
import { enumDeclarations } from './enums.js';
import { header, type CodeOptions } from './options.js';
import { jsDoc, Names, pascalCase, propertyKey, propertyName } from './names.js';
import { typedRelations, type TypedColumn, type TypedRelation } from './relations.js';
import { driverType, type DriverMode } from './values.js';
import { shownName } from '../../schema/names.js';

export function typesFile(schema: Schema, options: CodeOptions): string {
  const names = new Names().reserve(...Object.keys(SHARED), 'JsonArray', 'JsonObject', 'JsonPrimitive', 'JsonValue');
  const used = new Used(SHARED);
  const enums = schema.enums.map((e) => enumDeclarations(e, names, true));
  const typed = typedRelations(schema, options);
  const relations = typed.map((r) => relationTypes(r, names, used, options));
  return [header(options), codeTypesImport(typed, options), used.text(), ...enums, ...relations].filter(Boolean).join('\n');
}

function relationTypes(relation: TypedRelation, names: Names, used: Used, options: CodeOptions): string {
  const base = pascalCase(shownName(relation));
  const row = names.name(`row:${relation.schema}.${relation.name}`, `${base}Row`);
  const key = (c: TypedColumn) => propertyKey(propertyName(c.name, options.casing, c.property));
  const field = (c: TypedColumn, mode: DriverMode, optional: boolean) =>
    `${jsDoc(c.comment, '  ')}  ${key(c)}${optional ? '?' : ''}: ${columnType(c, mode, names, used, options)};`;
  const out = [`${jsDoc(relation.comment)}export interface ${row} {\n${relation.columns.map((c) => field(c, 'select', false)).join('\n')}\n}\n`];
  if (relation.kind !== 'table') return out.join('');
  const insert = names.name(`insert:${relation.schema}.${relation.name}`, `${base}Insert`);
  const update = names.name(`update:${relation.schema}.${relation.name}`, `${base}Update`);
  const writable = relation.columns.filter((c) => c.insert !== 'never');
  out.push(`export interface ${insert} {\n${writable.map((c) => field(c, 'insert', c.insert === 'optional')).join('\n')}\n}\n`);
  out.push(`export type ${update} = Partial<${insert}>;\n`);
  return out.join('');
}

function columnType(c: TypedColumn, mode: DriverMode, names: Names, used: Used, options: CodeOptions): string {
  let type = codeTypeOf(c, options) ?? driverType(c.value, mode, names, used, options);
  if (c.value.array) type = type.includes(' ') ? `(${type})[]` : `${type}[]`;
  return c.nullable ? `${type} | null` : type;
}
