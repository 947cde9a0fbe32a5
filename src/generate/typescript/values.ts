// What a column's values are to a TypeScript program that reads them with node-postgres:
// the type's kind (how `pg` hands it back, and what it accepts), resolved through domains to
// the base type, with the enum it names and the rules domains add on the way.
import type { EnumType, Schema, TypeRef, UserType } from '../../schema/model.js';
import { nameKey } from '../../schema/names.js';
import type { Used } from './definitions.js';
import { enumName } from './enums.js';
import type { Names } from './names.js';
import type { CodeOptions } from './options.js';

export type ValueKind =
  | 'string' | 'uuid' | 'integer' | 'float' | 'boolean' | 'int8' | 'numeric' | 'timestamp' | 'date'
  | 'json' | 'bytes' | 'interval' | 'point' | 'circle' | 'enum';

export interface ValueType {
  kind: ValueKind;
  /** The base type's name as PostgreSQL stores it: `int4`, `varchar`, `timestamptz`. */
  typname: string;
  modifiers: readonly string[];
  array: boolean;
  enum?: EnumType;
  /** The domains it passes through, outermost first: their NOT NULL and CHECKs are its own. */
  domains: UserType[];
}

/**
 * By base type, as node-postgres parses it (a type it has no parser for comes back as text);
 * the same table kysely-codegen keeps, so that its types and ours agree.
 */
const KINDS: Record<string, ValueKind> = {
  bool: 'boolean', int2: 'integer', int4: 'integer', oid: 'integer', float4: 'float', float8: 'float',
  int8: 'int8', numeric: 'numeric', money: 'string', uuid: 'uuid',
  timestamp: 'timestamp', timestamptz: 'timestamp', date: 'date',
  json: 'json', jsonb: 'json', bytea: 'bytes', interval: 'interval', point: 'point', circle: 'circle',
};

export type TypeIndex = { enums: Map<string, EnumType>; domains: Map<string, UserType> };

export function typeIndex(schema: Schema): TypeIndex {
  return {
    enums: new Map(schema.enums.map((e) => [nameKey(e), e])),
    domains: new Map(schema.types.filter((t) => t.domain).map((t) => [nameKey(t), t])),
  };
}

export function valueType(type: TypeRef, index: TypeIndex): ValueType {
  const domains: UserType[] = [];
  let at = type;
  let array = type.arrayDimensions > 0;
  // Followed to the base type; a domain of an array's elements says nothing of the column itself.
  for (let depth = 0; depth < 32; depth++) {
    const domain = at.schema ? index.domains.get(nameKey({ schema: at.schema, name: at.name })) : undefined;
    if (!domain) break;
    if (!array) domains.push(domain);
    at = domain.domain!.base;
    array ||= at.arrayDimensions > 0;
  }
  const named = at.schema ? index.enums.get(nameKey({ schema: at.schema, name: at.name })) : undefined;
  const value: ValueType = { kind: named ? 'enum' : KINDS[at.name] ?? 'string', typname: at.name, modifiers: at.modifiers, array, domains };
  if (named) value.enum = named;
  return value;
}

export type DriverMode = 'select' | 'insert';

/** What node-postgres hands back (`select`) or accepts (`insert`) for a value of the type. */
export function driverType(v: ValueType, mode: DriverMode, names: Names, used: Used, options: CodeOptions): string {
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
