// `schemadoc generate kysely`: the `Database` interface for `new Kysely<Database>()`, written
// as kysely-codegen writes it from a live database (its names, `Generated<>`, `ColumnType<>`
// for what is read as one type and written as another), from the document alone.
import type { Schema } from '../../schema/model.js';
import { codeTypeOf, codeTypesImport } from './code-types.js';
import { SHARED, Used } from './definitions.js';
import { enumDeclarations } from './enums.js';
import { header, type CodeOptions } from './options.js';
import { jsDoc, Names, pascalCase, propertyKey, propertyName } from './names.js';
import { shownName } from '../../schema/names.js';
import { typedRelations, type TypedColumn } from './relations.js';
import { driverType, type ValueKind, type ValueType } from './values.js';

const WRITTEN = 'bigint | number | string';

function definitions(options: CodeOptions): Record<string, string> {
  const date = options.dates === 'date' ? 'Date' : 'string';
  return {
    Generated: `export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;`,
    // PostgreSQL refuses a value for a GENERATED ALWAYS column: it is never inserted or updated.
    GeneratedAlways: `export type GeneratedAlways<T> = T extends ColumnType<infer S, infer _I, infer _U>
  ? ColumnType<S, never, never>
  : ColumnType<T, never, never>;`,
    ArrayType: `export type ArrayType<T> = ArrayTypeImpl<T> extends (infer U)[] ? U[] : ArrayTypeImpl<T>;
export type ArrayTypeImpl<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S[], I[], U[]> : T[];`,
    Int8: `export type Int8 = ColumnType<${options.bigint}, ${WRITTEN}, ${WRITTEN}>;`,
    Numeric: `export type Numeric = ColumnType<${options.numeric}, number | string, number | string>;`,
    Timestamp: `export type Timestamp = ColumnType<${date}, Date | string, Date | string>;`,
    Interval: `export type Interval = ColumnType<IPostgresInterval, IPostgresInterval | number | string, IPostgresInterval | number | string>;`,
    ...SHARED,
  };
}

export function kyselyFile(schema: Schema, options: CodeOptions): string {
  const texts = definitions(options);
  const names = new Names().reserve(...Object.keys(texts), 'ArrayTypeImpl', 'JsonArray', 'JsonObject', 'JsonPrimitive', 'JsonValue', 'ColumnType', 'Database', 'DB');
  const used = new Used(texts);
  // Kysely's CamelCasePlugin maps the database's names, not an ORM's.
  const key = (name: string) => propertyKey(propertyName(name, options.casing));
  const enums = schema.enums.map((e) => enumDeclarations(e, names, false));
  const entries: string[] = [];
  const typed = typedRelations(schema, options);
  const interfaces = typed.map((relation) => {
    const qualified = shownName(relation);
    const name = names.name(`relation:${relation.schema}.${relation.name}`, pascalCase(qualified));
    entries.push(`  ${key(qualified)}: ${name};`);
    const fields = relation.columns.map((c) => `${jsDoc(c.comment, '  ')}  ${key(c.name)}: ${columnType(c, names, used, options)};`);
    return `${jsDoc(relation.comment)}export interface ${name} {\n${fields.join('\n')}\n}\n`;
  });
  const database = `export interface Database {\n${entries.join('\n')}\n}\n\n/** The name kysely-codegen gives it. */\nexport type DB = Database;\n`;
  const needsColumnType = ['Generated', 'GeneratedAlways', 'ArrayType', ...Object.values(COLUMN_TYPES)].some((n) => used.has(n));
  if (used.has('Interval')) used.use('IPostgresInterval');
  return [header(options), needsColumnType ? "import type { ColumnType } from 'kysely';\n" : '', codeTypesImport(typed, options), used.text(), ...enums, ...interfaces, database].filter(Boolean).join('\n');
}

function columnType(c: TypedColumn, names: Names, used: Used, options: CodeOptions): string {
  let type = codeTypeOf(c, options) ?? valueType(c.value, names, used, options);
  if (c.value.array) type = ['boolean', 'number', 'string'].includes(type) ? `${type}[]` : `${used.use('ArrayType')}<${type}>`;
  if (c.nullable) type = `${type} | null`;
  if (c.generatedAlways) return `${used.use('GeneratedAlways')}<${type}>`;
  return c.defaulted ? `${used.use('Generated')}<${type}>` : type;
}

/** What Kysely reads as one type and writes as another is a ColumnType; the rest is what node-postgres hands back. */
const COLUMN_TYPES: Partial<Record<ValueKind, string>> = { int8: 'Int8', numeric: 'Numeric', timestamp: 'Timestamp', date: 'Timestamp', interval: 'Interval' };

function valueType(v: ValueType, names: Names, used: Used, options: CodeOptions): string {
  const columnType = COLUMN_TYPES[v.kind];
  return columnType ? used.use(columnType) : driverType(v, 'select', names, used, options);
}
