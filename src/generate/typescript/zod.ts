// `schemadoc generate zod`: an insert and an update schema per table, holding what the schema
// states: NOT NULL, lengths, numeric precision, enum values, and the CHECKs a validator can
// hold. A value they accept is one PostgreSQL accepts, as far as each rule goes; a CHECK they
// cannot hold is named in a comment, and left to the database.
import type { Constraint, Schema } from '../../schema/model.js';
import { readCheck, type CheckReading, type CheckRule } from '../../read/sql/check-rules.js';
import { enumName } from './enums.js';
import { header, type CodeOptions } from './options.js';
import { jsDoc, Names, pascalCase, propertyKey, propertyName, stringLiteral } from './names.js';
import { shownName } from '../../schema/names.js';
import { typedRelations, type TypedColumn, type TypedRelation } from './relations.js';
import { Used } from './definitions.js';
import type { ValueType } from './values.js';

const HELPERS: Record<string, string> = {
  characters: `/** Length as PostgreSQL counts it: in characters, not UTF-16 units. */
const characters = (s: string) => [...s].length;`,
  int8: `const int8 = z.union([
  z.bigint().min(BigInt('-9223372036854775808')).max(BigInt('9223372036854775807')),
  z.int(),
  z.string().regex(/^\\s*[-+]?\\d{1,19}\\s*$/),
]);`,
  numeric: `/** A number numeric(precision, scale) holds: PostgreSQL rounds it to the scale and refuses more integer digits. */
const numeric = (precision?: number, scale = 0) =>
  z.union([z.number(), z.string().regex(/^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*$/)]).refine(
    (v) => precision === undefined || Math.abs(Math.round(Number(v) * 10 ** scale) / 10 ** scale) < 10 ** (precision - scale),
    precision === undefined ? 'not a number' : \`at most \${precision - scale} digits before the point\`,
  );`,
  timestamp: 'const timestamp = z.union([z.date(), z.string()]);',
};

const INTEGER_RANGES: Record<string, [string, string]> = { int2: ['-32768', '32767'], int4: ['-2147483648', '2147483647'], oid: ['0', '4294967295'] };

export function zodFile(schema: Schema, options: CodeOptions): string {
  const names = new Names().reserve(...Object.keys(HELPERS), 'z');
  const used = new Used(HELPERS);
  const enums = schema.enums.map((e) => `${jsDoc(e.comment)}export const ${enumName(e, names)}Schema = z.enum([${e.values.map(stringLiteral).join(', ')}]);\n`);
  const tables = typedRelations(schema, options).filter((r) => r.kind === 'table').map((r) => tableSchemas(r, names, used, options));
  return [header(options), "import { z } from 'zod';\n", used.text(), ...enums, ...tables].filter(Boolean).join('\n');
}

function tableSchemas(relation: TypedRelation, names: Names, used: Used, options: CodeOptions): string {
  const base = pascalCase(shownName(relation));
  const insert = names.name(`insert:${relation.schema}.${relation.name}`, `${base}InsertSchema`);
  const update = names.name(`update:${relation.schema}.${relation.name}`, `${base}UpdateSchema`);
  const fields = relation.columns.filter((c) => c.insert !== 'never').map((c) => field(c, names, used, options));
  const left = relation.tableChecks.map((k) => `  // Checked by PostgreSQL only: ${checkName(k)}.\n`).join('');
  return `${jsDoc(relation.comment)}export const ${insert} = z.object({\n${left}${fields.join('')}});\n`
    + `export const ${update} = ${insert}.partial();\n`;
}

const checkName = (k: Constraint) => `CHECK ${k.name ? `"${k.name}" ` : ''}${parenthesized(k.expression ?? '')}`;

/** `(a > 0)` as it is, `a > 0` in parentheses, as CHECK writes its condition. */
function parenthesized(expression: string): string {
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    if (expression[i] === '(') depth++;
    else if (expression[i] === ')' && --depth === 0 && i < expression.length - 1) return `(${expression})`;
  }
  return expression.startsWith('(') ? expression : `(${expression})`;
}

function field(c: TypedColumn, names: Names, used: Used, options: CodeOptions): string {
  const readings: [string, CheckReading][] = [
    ...c.checks.map((k): [string, CheckReading] => [checkName(k), readCheck(k.expression ?? '', c.name)]),
    ...c.value.domains.flatMap((d) => d.domain!.checks.map((x): [string, CheckReading] => [`CHECK (${x}) of domain ${d.name}`, readCheck(x, 'value')])),
  ];
  const notes: string[] = [];
  const rules: CheckRule[] = [];
  for (const [name, reading] of readings) {
    // Rules on an array's value are not rules on its elements.
    const held = c.value.array ? [] : reading.rules.filter((r) => holds(r, c.value));
    if (reading.unexpressed || held.length < reading.rules.length) notes.push(`  // Checked by PostgreSQL only${held.length ? ' (in part)' : ''}: ${name}.\n`);
    rules.push(...held);
  }
  let schema = c.value.array ? `z.array(${valueSchema(c.value, [], names, used)})` : valueSchema(c.value, rules, names, used);
  // CHECK (x IS NOT NULL) refuses NULL as NOT NULL does, and so an INSERT that leaves it out, unless a default fills it.
  const notNull = rules.some((r) => r.kind === 'not null');
  if (c.nullable && !notNull) schema += '.nullable()';
  if (c.insert === 'optional' && !(notNull && !c.defaulted)) schema += '.optional()';
  const key = propertyKey(propertyName(c.name, options.casing, c.property));
  return `${notes.join('')}${jsDoc(c.comment, '  ')}  ${key}: ${schema},\n`;
}

const NUMERIC_KINDS = new Set(['integer', 'float', 'int8', 'numeric']);
const TEXT_KINDS = new Set(['string', 'enum']);

/** Whether a validator of a value of this kind holds the rule (`length()` of a string, a comparison of a number). */
function holds(rule: CheckRule, v: ValueType): boolean {
  switch (rule.kind) {
    case 'values': return rule.values.every((x) => typeof x === 'number') ? NUMERIC_KINDS.has(v.kind) : TEXT_KINDS.has(v.kind) && rule.values.every((x) => typeof x === 'string');
    case 'compare': return NUMERIC_KINDS.has(v.kind);
    case 'length': case 'regex': return TEXT_KINDS.has(v.kind);
    case 'not null': return true;
  }
}

/** The schema of one value: its type's, narrowed by the CHECK rules on it (each one it holds). */
function valueSchema(v: ValueType, rules: CheckRule[], names: Names, used: Used): string {
  const values = rules.find((r): r is Extract<CheckRule, { kind: 'values' }> => r.kind === 'values' && !r.negated);
  const numeric = NUMERIC_KINDS.has(v.kind);
  let schema: string;
  let plain = true;
  if (values && values.values.every((x) => typeof x === 'string') && (v.kind === 'string' || v.kind === 'enum')) {
    schema = `z.enum([${values.values.map((x) => stringLiteral(String(x))).join(', ')}])`;
    plain = false;
  } else if (values && values.values.every((x) => typeof x === 'number') && (v.kind === 'integer' || v.kind === 'float')) {
    schema = `z.literal([${values.values.join(', ')}])`;
    plain = false;
  } else schema = typeSchema(v, names, used);
  const refine = (test: string, message: string) => `.refine((v) => ${test}, ${stringLiteral(message)})`;
  for (const rule of rules) {
    switch (rule.kind) {
      case 'values':
        if (rule === values && !plain) break;
        schema += refine(`${rule.negated ? '!' : ''}[${rule.values.map((x) => (typeof x === 'number' ? x : stringLiteral(x))).join(', ')}].includes(${numeric && rule.values.every((x) => typeof x === 'number') ? 'Number(v)' : 'v'} as never)`,
          `must ${rule.negated ? 'not ' : ''}be one of ${rule.values.join(', ')}`);
        break;
      case 'compare': {
        const method = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' }[rule.op as string];
        schema += method && plain && (v.kind === 'integer' || v.kind === 'float') ? `.${method}(${rule.value})`
          : refine(`Number(v) ${rule.op === '=' ? '===' : rule.op === '<>' ? '!==' : rule.op} ${rule.value}`, `must be ${rule.op} ${rule.value}`);
        break;
      }
      case 'length': {
        const text = rule.trimmed ? "v.replace(/^ +| +$/g, '')" : 'v';
        schema += refine(`${used.use('characters')}(${text}) ${rule.op === '=' ? '===' : rule.op === '<>' ? '!==' : rule.op} ${rule.value}`,
          `${rule.trimmed ? 'trimmed, ' : ''}length must be ${rule.op} ${rule.value}`);
        break;
      }
      case 'regex':
        schema += refine(`${rule.negated ? '!' : ''}new RegExp(${JSON.stringify(rule.pattern)}${rule.flags ? `, '${rule.flags}'` : ''}).test(v)`,
          `must ${rule.negated ? 'not ' : ''}match ${rule.pattern}`);
        break;
      case 'not null':
        break;
    }
  }
  return schema;
}

function typeSchema(v: ValueType, names: Names, used: Used): string {
  switch (v.kind) {
    case 'enum': return `${enumName(v.enum!, names)}Schema`;
    case 'uuid': return 'z.guid()';
    case 'integer': {
      const [min, max] = INTEGER_RANGES[v.typname] ?? INTEGER_RANGES.int4!;
      return `z.int().min(${min}).max(${max})`;
    }
    case 'float': return 'z.number()';
    case 'boolean': return 'z.boolean()';
    case 'int8': return used.use('int8');
    case 'numeric': {
      used.use('numeric');
      const [precision, scale] = v.modifiers.map(Number);
      return precision === undefined ? 'numeric()' : `numeric(${precision}, ${scale ?? 0})`;
    }
    case 'timestamp': case 'date': return used.use('timestamp');
    case 'json': return 'z.json()';
    case 'bytes': return 'z.instanceof(Uint8Array)';
    case 'interval': return 'z.union([z.string(), z.number(), z.record(z.string(), z.unknown())])';
    case 'point': return 'z.object({ x: z.number(), y: z.number() })';
    case 'circle': return 'z.object({ x: z.number(), y: z.number(), radius: z.number() })';
    case 'string': {
      const length = (v.typname === 'varchar' || v.typname === 'bpchar') && v.modifiers[0] ? Number(v.modifiers[0]) : undefined;
      return length === undefined ? 'z.string()' : `z.string().refine((v) => ${used.use('characters')}(v) <= ${length}, 'at most ${length} characters')`;
    }
  }
}
