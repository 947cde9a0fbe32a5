// `schemadoc generate drizzle`: the schema as drizzle-orm/pg-core definitions (pgEnum, pgTable
// with its keys, checks, foreign keys, indexes and policies, pgView, pgSequence), named as
// PostgreSQL names them, so that drizzle-kit builds the same tables. What Drizzle cannot
// express (functions, triggers, domains' rules, exclusion constraints …) is listed at the top.
import type { Constraint, Index, IndexKey, Policy, QualifiedName, Schema, Table, TypeRef, View } from '../../schema/model.js';
import { DEFAULT_SCHEMA, nameKey, shownName } from '../../schema/names.js';
import { documentedForm } from '../documented.js';
import { columnBuilder, customTypeDeclarations, sqlTemplate, type Builders } from './drizzle-columns.js';
import { header, type CodeOptions } from './options.js';
import { camelCase, Names, propertyKey, propertyName, stringLiteral } from './names.js';

/** The builder of an object in a schema other than public: `authSchema.table`. */
const IN_SCHEMA: Record<string, string> = { pgTable: 'table', pgEnum: 'enum', pgView: 'view', pgMaterializedView: 'materializedView', pgSequence: 'sequence' };

export function drizzleFile(canonical: Schema, options: CodeOptions): string {
  // Serial columns as serial (drizzle-kit makes their sequences), as a person writes them.
  const schema = documentedForm(canonical);
  const names = new Names().reserve('sql');
  const variable = (kind: string, o: QualifiedName, suffix = '') => names.name(`${kind}:${nameKey(o)}`, camelCase(shownName(o).replace(/\W+/g, '_')) + suffix);
  const enums = new Map(schema.enums.map((e) => [nameKey(e), variable('enum', e, 'Enum')]));
  const builders: Builders = {
    imports: new Set(), custom: new Map(), options,
    enumVariable: (t: TypeRef) => (t.schema ? enums.get(nameKey({ schema: t.schema, name: t.name })) : undefined),
  };
  const schemas = new Map<string, string>();
  const inSchema = (name: string | undefined, fn: string) => {
    if ((name ?? DEFAULT_SCHEMA) === DEFAULT_SCHEMA) {
      builders.imports.add(fn);
      return fn;
    }
    builders.imports.add('pgSchema');
    if (!schemas.has(name!)) schemas.set(name!, names.name(`schema:${name}`, `${camelCase(name!.replace(/\W+/g, '_'))}Schema`));
    return `${schemas.get(name!)}.${IN_SCHEMA[fn]}`;
  };
  const notExpressed: string[] = [];

  const enumTexts = schema.enums.map((e) => `export const ${enums.get(nameKey(e))} = ${inSchema(e.schema, 'pgEnum')}(${stringLiteral(e.name)}, [${e.values.map(stringLiteral).join(', ')}]);\n`);
  const tables = schema.tables.filter((t) => !t.partitionOf);
  const tableVariables = new Map(tables.map((t) => [nameKey(t), variable('table', t)]));
  // Tables that keys reference but the schema does not hold (Supabase's auth.users): their referenced columns only.
  const outside = new Map<string, { table: QualifiedName; columns: Map<string, TypeRef> }>();
  const referenced = (c: Constraint, from: Table) => {
    const key = nameKey(c.references!);
    const known = tableVariables.get(key);
    if (known) return known;
    let entry = outside.get(key);
    if (!entry) outside.set(key, (entry = { table: { schema: c.references!.schema ?? DEFAULT_SCHEMA, name: c.references!.name }, columns: new Map() }));
    c.references!.columns.forEach((col, i) => entry!.columns.set(col, from.columns.find((x) => x.name === c.columns[i])!.type));
    return variable('table', entry.table);
  };
  const tablesByKey = new Map(tables.map((t) => [nameKey(t), t]));
  /** A column's property: as in the database, or the application's (its ORM property, else camelCase). */
  const property = (name: string, table?: QualifiedName) =>
    propertyName(name, options.casing, table && tablesByKey.get(nameKey(table))?.columns.find((c) => c.name === name)?.property);
  const key = (name: string, table?: QualifiedName) => propertyKey(property(name, table));
  /** `t.created_at`, `users.id`, `t['odd name']`. */
  const member = (object: string, name: string, table: QualifiedName) => {
    const p = property(name, table);
    return /^[A-Za-z_$][\w$]*$/.test(p) ? `${object}.${p}` : `${object}[${stringLiteral(p)}]`;
  };

  const indexesOf = groupBy(schema.indexes, (i) => nameKey(i.table));
  const policiesOf = groupBy(schema.policies, (p) => nameKey(p.table));
  const tableTexts = tables.map((table) => {
    const v = tableVariables.get(nameKey(table))!;
    const pk = table.constraints.find((c) => c.kind === 'primary key');
    const columnPk = pk && pk.columns.length === 1 && pk.name === `${table.name}_pkey` ? pk.columns[0] : undefined;
    const columns = table.columns.filter((c) => !c.inherited).map((c) => `  ${key(c.name, table)}: ${columnBuilder(c, builders, c.name === columnPk)},`);
    const extras: string[] = [];
    const col = (name: string) => member('t', name, table);
    const cols = (list: string[]) => list.map(col).join(', ');
    for (const c of table.constraints) {
      if (c.inherited) continue;
      const named = stringLiteral(c.name ?? '');
      switch (c.kind) {
        case 'primary key':
          if (c.columns[0] !== columnPk || c.columns.length !== 1) extras.push(`${use(builders, 'primaryKey')}({ name: ${named}, columns: [${cols(c.columns)}] })`);
          break;
        case 'unique':
          extras.push(`${use(builders, 'unique')}(${named}).on(${cols(c.columns)})${c.nullsNotDistinct ? '.nullsNotDistinct()' : ''}`);
          if (c.deferrable) notExpressed.push(`DEFERRABLE of ${c.name} on ${table.name}`);
          break;
        case 'check':
          extras.push(`${use(builders, 'check')}(${named}, ${sqlTemplate(c.expression ?? '')})`);
          break;
        case 'foreign key': {
          // A table's key to itself names its columns by `t`: its own variable is not typed yet.
          const target = nameKey(c.references!) === nameKey(table) ? 't' : referenced(c, table);
          const foreign = c.references!.columns.map((n) => member(target, n, c.references!)).join(', ');
          let fk = `${use(builders, 'foreignKey')}({ name: ${named}, columns: [${cols(c.columns)}], foreignColumns: [${foreign}] })`;
          if (c.onDelete && c.onDelete !== 'no action') fk += `.onDelete('${c.onDelete}')`;
          if (c.onUpdate && c.onUpdate !== 'no action') fk += `.onUpdate('${c.onUpdate}')`;
          extras.push(fk);
          if (c.deferrable || (c.match && c.match !== 'simple')) notExpressed.push(`${c.deferrable ? 'DEFERRABLE' : `MATCH ${c.match!.toUpperCase()}`} of ${c.name} on ${table.name}`);
          break;
        }
        case 'exclude':
          notExpressed.push(`exclusion constraint ${c.name} on ${table.name}`);
          break;
      }
    }
    for (const index of indexesOf.get(nameKey(table)) ?? []) {
      const text = indexBuilder(index, col, builders);
      if (text) extras.push(text);
      if (index.include.length || index.nullsNotDistinct) notExpressed.push(`${index.include.length ? 'INCLUDE' : 'NULLS NOT DISTINCT'} of index ${index.name}`);
    }
    const policies = policiesOf.get(nameKey(table)) ?? [];
    for (const p of policies) extras.push(policyBuilder(p, builders));
    if (table.partitionBy) notExpressed.push(`${table.partitionBy} of ${table.name} (its partitions are left out)`);
    if (table.inherits) notExpressed.push(`INHERITS of ${table.name}`);
    if (table.forceRowLevelSecurity) notExpressed.push(`FORCE ROW LEVEL SECURITY of ${table.name}`);
    // The return type is stated: tables whose keys reference each other would otherwise be typed in a circle.
    if (extras.length) builders.imports.add('type PgTableExtraConfigValue');
    const config = extras.length ? `, (t): PgTableExtraConfigValue[] => [\n${extras.map((e) => `  ${e},`).join('\n')}\n]` : '';
    // drizzle-kit enables row level security on a table with policies; one without says so.
    const rls = table.rowLevelSecurity && !policies.length ? '.enableRLS()' : '';
    return `export const ${v} = ${inSchema(table.schema, 'pgTable')}(${stringLiteral(table.name)}, {\n${columns.join('\n')}\n}${config})${rls};\n`;
  });
  // Not exported: drizzle-kit makes only what the file exports, and these are not the schema's to make.
  const outsideTexts = [...outside.values()].map(({ table, columns }) => `/** Outside the schema: only the columns its keys reference. */\nconst ${variable('table', table)} = ${outsideTable(table.schema ?? DEFAULT_SCHEMA, builders)}(${stringLiteral(table.name)}, {\n${[...columns].map(([name, type]) => `  ${key(name)}: ${columnBuilder({ name, type, notNull: false, spans: [] }, builders, false)},`).join('\n')}\n});\n`);
  const viewTexts = schema.views.map((view) => viewBuilder(view, variable('view', view), inSchema(view.schema, view.materialized ? 'pgMaterializedView' : 'pgView'), builders, key));
  const sequenceTexts = schema.sequences.map((s) => `export const ${variable('sequence', s)} = ${inSchema(s.schema, 'pgSequence')}(${stringLiteral(s.name)}${sequenceOptions(s.definition)});\n`);
  for (const f of schema.functions) notExpressed.push(`${f.kind} ${f.name}`);
  for (const t of schema.triggers) notExpressed.push(`trigger ${t.name} on ${t.table.name}`);
  for (const t of schema.types) notExpressed.push(`${t.domain ? 'domain' : 'type'} ${t.name}${t.domain ? ' (its columns use its name; its rules are not written here)' : ''}`);

  const schemaTexts = [...schemas].map(([name, v]) => `export const ${v} = pgSchema(${stringLiteral(name)});\n`);
  const imports = [...builders.imports].sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')));
  const notes = notExpressed.length ? `// Not expressed in Drizzle (create them with a custom migration; \`schemadoc sql\` prints them):\n${notExpressed.map((n) => `//   ${n}`).join('\n')}\n` : '';
  return [
    header(options) + notes,
    `import { sql } from 'drizzle-orm';\nimport { ${imports.join(', ')} } from 'drizzle-orm/pg-core';\n`,
    customTypeDeclarations(builders), ...schemaTexts, ...enumTexts, ...outsideTexts, ...tableTexts, ...sequenceTexts, ...viewTexts,
  ].filter(Boolean).join('\n');
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function outsideTable(schema: string, b: Builders): string {
  if (schema === DEFAULT_SCHEMA) return use(b, 'pgTable');
  return `${use(b, 'pgSchema')}(${stringLiteral(schema)}).table`;
}

function use(b: Builders, name: string): string {
  b.imports.add(name);
  return name;
}

function indexBuilder(index: Index, col: (name: string) => string, b: Builders): string | undefined {
  const keys = index.keys.map((k: IndexKey) => {
    let key = k.column !== undefined ? col(k.column) : sqlTemplate(k.expression ?? '');
    if (k.column === undefined) return key;
    if (k.opclass) key += `.op(${stringLiteral(k.opclass)})`;
    if (k.descending) key += '.desc()';
    // PostgreSQL puts NULLs first in a descending key unless told; drizzle-kit writes NULLS LAST unless told.
    const nullsFirst = k.nullsFirst ?? Boolean(k.descending);
    if (k.descending) key += nullsFirst ? '.nullsFirst()' : '.nullsLast()';
    else if (nullsFirst) key += '.nullsFirst()';
    return key;
  });
  let text = `${use(b, index.unique ? 'uniqueIndex' : 'index')}(${stringLiteral(index.name)}).using(${stringLiteral(index.method)}, ${keys.join(', ')})`;
  if (index.where) text += `.where(${sqlTemplate(index.where)})`;
  return text;
}

function policyBuilder(p: Policy, b: Builders): string {
  const config = [
    p.permissive ? '' : "as: 'restrictive'",
    p.command !== 'all' ? `for: '${p.command}'` : '',
    p.roles.length && !(p.roles.length === 1 && p.roles[0] === 'public') ? `to: [${p.roles.map(stringLiteral).join(', ')}]` : '',
    p.using !== undefined ? `using: ${sqlTemplate(p.using)}` : '',
    p.withCheck !== undefined ? `withCheck: ${sqlTemplate(p.withCheck)}` : '',
  ].filter(Boolean);
  return `${use(b, 'pgPolicy')}(${stringLiteral(p.name)}${config.length ? `, { ${config.join(', ')} }` : ''})`;
}

function viewBuilder(view: View, v: string, fn: string, b: Builders, key: (n: string) => string): string {
  const columns = (view.columns ?? []).map((c) => `  ${key(c.name)}: ${columnBuilder({ ...c, notNull: false }, b, false)},`);
  return `export const ${v} = ${fn}(${stringLiteral(view.name)}, {\n${columns.join('\n')}\n}).as(${sqlTemplate(view.query)});\n`;
}

/** The options of the sequence's definition, as schemadoc writes it. */
function sequenceOptions(definition: string): string {
  const option = (re: RegExp) => re.exec(definition)?.[1];
  const options = [
    ['startWith', option(/START WITH (-?\d+)/)], ['increment', option(/INCREMENT BY (-?\d+)/)],
    ['minValue', option(/MINVALUE (-?\d+)/)], ['maxValue', option(/MAXVALUE (-?\d+)/)], ['cache', option(/CACHE (\d+)/)],
  ].filter(([, value]) => value !== undefined).map(([name, value]) => `${name}: ${value}`);
  if (/\bCYCLE\b/.test(definition) && !/NO CYCLE/.test(definition)) options.push('cycle: true');
  return options.length ? `, { ${options.join(', ')} }` : '';
}
