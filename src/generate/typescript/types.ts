// `schemadoc generate types`: for every table a Row, an Insert and an Update type, for every
// view a Row type, and enums as unions and const objects, with no library.
import type { Schema } from '../../schema/model.js';
import { codeTypeOf, codeTypesImport } from './code-types.js';
import { SHARED, Used } from './definitions.js';
import { enumDeclarations, enumName } from './enums.js';
import { header, type CodeOptions } from './options.js';
import { camelCase, jsDoc, Names, pascalCase, propertyKey } from './names.js';
import { typedRelations, type TypedColumn, type TypedRelation } from './relations.js';
import type { ValueType } from './values.js';

export function typesFile(schema: Schema, options: CodeOptions): string {
  const names = new Names().reserve(...Object.keys(SHARED), 'JsonArray', 'JsonObject', 'JsonPrimitive', 'JsonValue');
  const used = new Used(SHARED);
  const enums = schema.enums.map((e) => enumDeclarations(e, names, true));
  const typed = typedRelations(schema, options);
  const relations = typed.map((r) => relationTypes(r, names, used, options));
  return [header(options), codeTypesImport(typed, options), used.text(), ...enums, ...relations].filter(Boolean).join('\n');
}

function relationTypes(relation: TypedRelation, names: Names, used: Used, options: CodeOptions): string {
  const base = pascalCase(relation.schema === 'public' ? relation.name : `${relation.schema}.${relation.name}`);
  const row = names.name(`row:${relation.schema}.${relation.name}`, `${base}Row`);
  const key = (c: TypedColumn) => propertyKey(options.casing === 'camel' ? c.property ?? camelCase(c.name) : c.name);
  const field = (c: TypedColumn, mode: Mode, optional: boolean) =>
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

type Mode = 'select' | 'insert';

function columnType(c: TypedColumn, mode: Mode, names: Names, used: Used, options: CodeOptions): string {
  let type = codeTypeOf(c, options) ?? valueType(c.value, mode, names, used, options);
  if (c.value.array) type = type.includes(' ') ? `(${type})[]` : `${type}[]`;
  return c.nullable ? `${type} | null` : type;
}

/** What node-postgres hands back (`select`) or accepts (`insert`) for a value of the type. */
function valueType(v: ValueType, mode: Mode, names: Names, used: Used, options: CodeOptions): string {
  switch (v.kind) {
    case 'enum': return enumName(v.enum!, names);
    case 'uuid': return options.brand ? used.use('Uuid') : 'string';
    case 'integer': case 'float': return 'number';
    case 'boolean': return 'boolean';
    case 'int8': return mode === 'insert' ? 'string | number | bigint' : options.bigint;
    case 'numeric': return mode === 'insert' ? 'number | string' : options.numeric;
    case 'timestamp': case 'date': return mode === 'insert' ? 'Date | string' : options.dates === 'date' ? 'Date' : 'string';
    case 'json': return used.use('Json');
    case 'bytes': return 'Buffer';
    case 'interval': return mode === 'insert' ? `${used.use('IPostgresInterval')} | number | string` : used.use('IPostgresInterval');
    case 'point': return used.use('Point');
    case 'circle': return used.use('Circle');
    case 'string': return 'string';
  }
}
