// A column as a drizzle-orm/pg-core builder: the builder of its type, with its nullability,
// default, identity and generated expression. A type Drizzle has no builder for is a
// customType that names it, so that drizzle-kit makes the column with the same type.
import type { Column, TypeRef } from '../../schema/model.js';
import { stringLiteral } from './names.js';
import type { CodeOptions } from './options.js';

/** What a file's builders need: pg-core imports, and the custom types declared once each. */
export interface Builders {
  imports: Set<string>;
  /** customType declarations by the type's SQL. */
  custom: Map<string, { name: string; type: string }>;
  enumVariable: (type: TypeRef) => string | undefined;
  options: CodeOptions;
}

/** A SQL expression as a drizzle `sql` template. */
export const sqlTemplate = (text: string) => `sql\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;

const SIMPLE: Record<string, string> = {
  int2: 'smallint', int4: 'integer', float4: 'real', float8: 'doublePrecision', bool: 'boolean', text: 'text', uuid: 'uuid',
  json: 'json', jsonb: 'jsonb', inet: 'inet', cidr: 'cidr', macaddr: 'macaddr', macaddr8: 'macaddr8', interval: 'interval',
};

/** The serial types of a documented form (`documentedForm`): a column drawing from the sequence it owns. */
const SERIALS = new Set(['smallserial', 'serial', 'bigserial']);

/** The builder call of a column's type, without modifiers: `varchar('name', { length: 40 })`. */
function typeBuilder(column: Column, b: Builders): string {
  const t = column.type;
  const name = stringLiteral(column.name);
  const use = (builder: string, config?: string) => {
    b.imports.add(builder);
    return `${builder}(${name}${config ? `, ${config}` : ''})`;
  };
  if (SERIALS.has(t.name)) return use(t.name, t.name === 'bigserial' ? `{ mode: '${b.options.bigint === 'bigint' ? 'bigint' : 'number'}' }` : undefined);
  const enumVariable = b.enumVariable(t);
  if (enumVariable) return `${enumVariable}(${name})`;
  if (!t.schema) {
    const simple = SIMPLE[t.name];
    if (simple) return use(simple);
    const [first, second] = t.modifiers;
    const precision = first !== undefined ? `precision: ${first}` : '';
    switch (t.name) {
      case 'int8': return use('bigint', `{ mode: '${b.options.bigint === 'bigint' ? 'bigint' : 'number'}' }`);
      case 'numeric': return use('numeric', first !== undefined ? `{ precision: ${first}${second !== undefined ? `, scale: ${second}` : ''} }` : undefined);
      case 'varchar': return use('varchar', first !== undefined ? `{ length: ${first} }` : undefined);
      case 'bpchar': return use('char', first !== undefined ? `{ length: ${first} }` : undefined);
      case 'timestamp': case 'timestamptz': {
        const options = [t.name === 'timestamptz' ? 'withTimezone: true' : '', precision, `mode: '${b.options.dates}'`].filter(Boolean);
        return use('timestamp', `{ ${options.join(', ')} }`);
      }
      case 'date': return use('date', `{ mode: '${b.options.dates}' }`);
      case 'time': case 'timetz': {
        const options = [t.name === 'timetz' ? 'withTimezone: true' : '', precision].filter(Boolean);
        return use('time', options.length ? `{ ${options.join(', ')} }` : undefined);
      }
      case 'point': return use('point', "{ mode: 'xy' }");
    }
  }
  return `${customType(t, b)}(${name})`;
}

/** A customType for a type Drizzle has no builder for (`tsvector`, `citext`, a domain), declared once. */
function customType(t: TypeRef, b: Builders): string {
  const type = t.sql.replace(/\[\]/g, '');
  let known = b.custom.get(type);
  if (!known) {
    const base = type.replace(/\(.*$/, '').split('.').pop()!.replace(/[^\w]+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '');
    known = { name: `${/^\d/.test(base) ? '_' : ''}${base}Type`, type };
    for (let n = 2; [...b.custom.values()].some((c) => c.name === known!.name); n++) known.name = `${base}Type${n}`;
    b.custom.set(type, known);
    b.imports.add('customType');
  }
  return known.name;
}

export function columnBuilder(column: Column, b: Builders, primaryKey: boolean): string {
  let out = typeBuilder(column, b);
  for (let d = 0; d < column.type.arrayDimensions; d++) out += '.array()';
  if (primaryKey) out += '.primaryKey()';
  else if (column.notNull && !SERIALS.has(column.type.name)) out += '.notNull()';
  if (column.default !== undefined) out += `.default(${sqlTemplate(column.default)})`;
  if (column.identity === 'always') out += '.generatedAlwaysAsIdentity()';
  else if (column.identity === 'by default') out += '.generatedByDefaultAsIdentity()';
  if (column.generated !== undefined) out += `.generatedAlwaysAs(${sqlTemplate(column.generated)})`;
  return out;
}

export function customTypeDeclarations(b: Builders): string {
  return [...b.custom.values()]
    .map((c) => `const ${c.name} = customType<{ data: string }>({ dataType: () => ${stringLiteral(c.type)} });\n`).join('');
}
