// TypeScript blocks, read with the TypeScript compiler API: TypeORM entities → tables,
// interfaces → application models, and the SQL that migrations run
// (`queryRunner.query(`…`)` in `up`) → SQL blocks.
// TypeScript is loaded only for documents that have TypeScript code.
import type * as TS from 'typescript';
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Constraint, Index, Span, Table } from '../schema/model.js';
import { snakeCase } from '../schema/names.js';
import { literal } from '../pg/quote.js';
import { columnFromFacts } from './column-definition.js';
import { emptyFacts, type ColumnFacts } from './column-vocabulary.js';
import type { Fragment } from './fragment.js';
import type { CodeBlock } from './markdown.js';
import { readInterface } from './ts-interfaces.js';

export function isTypeScriptBlock(block: CodeBlock): boolean {
  return ['ts', 'typescript', 'tsx'].includes(block.lang);
}

export interface TypeOrmReading {
  fragments: Fragment[];
  diagnostics: Diagnostic[];
  /** SQL that migrations in the block run, as blocks for the SQL reader. */
  sqlBlocks: CodeBlock[];
}

interface EntityClass {
  name: string;
  node: TS.ClassDeclaration;
  entity?: TS.Decorator;
  abstract: boolean;
  base?: string;
}

/** TypeORM's defaults for a property's TypeScript type, on PostgreSQL. */
const DEFAULT_TYPES: Record<string, string> = { string: 'varchar', number: 'integer', boolean: 'boolean', Date: 'timestamp' };

/** A type the code names (`UserSettings`, `Address[]`), not one of the language's own. */
const NAMED_TYPE = /^(?!(?:String|Number|Boolean|Object|Buffer|Record|Array|Promise)\b)[A-Z][\w.]*(?:<[^>]*>)?(?:\[\])?$/;

export async function readTypeOrm(blocks: CodeBlock[], file: string): Promise<TypeOrmReading> {
  const reading: TypeOrmReading = { fragments: [], diagnostics: [], sqlBlocks: [] };
  if (!blocks.some((b) => /@Entity\b|\.query\(|\binterface\s+\w+|\btype\s+\w+\s*=\s*\{|\b(Joi|z|yup)\.string\(/.test(b.content))) return reading;
  const ts = (await import('typescript')).default;
  const classes = new Map<string, EntityClass & { block: CodeBlock; source: TS.SourceFile }>();
  const spanIn = (c: { block: CodeBlock; source: TS.SourceFile }) => (node: TS.Node): Span => {
    const { line, character } = c.source.getLineAndCharacterOfPosition(node.getStart(c.source));
    return { file, line: c.block.line + line, column: c.block.indent + character + 1, source: 'code' };
  };

  for (const block of blocks) {
    const source = ts.createSourceFile('block.ts', block.content, ts.ScriptTarget.Latest, true);
    const visit = (node: TS.Node): void => {
      const model = readInterface(ts, node, source, spanIn({ block, source }));
      if (model) reading.fragments.push({ kind: 'model-interface', model });
      const rule = readValidationRule(ts, node, source, spanIn({ block, source }));
      if (rule) reading.fragments.push(rule);
      if (ts.isClassDeclaration(node) && node.name) {
        const decorators = ts.getDecorators(node) ?? [];
        const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText(source);
        const entity = decorators.find((d) => decoratorName(ts, d) === 'Entity');
        // A later declaration of the same name is an example of the pattern, not the entity's base.
        if (!classes.has(node.name.text)) classes.set(node.name.text, {
          name: node.name.text, node, ...(entity ? { entity } : {}), ...(base ? { base } : {}), block, source,
          abstract: node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ?? false,
        });
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'query') {
        const method = enclosingMethod(ts, node);
        const arg = node.arguments[0];
        if (method === 'up' && arg && (ts.isNoSubstitutionTemplateLiteral(arg) || ts.isStringLiteral(arg))) {
          const { line } = source.getLineAndCharacterOfPosition(arg.getStart(source) + 1);
          reading.sqlBlocks.push({ lang: 'sql', info: 'sql', content: arg.text, line: block.line + line, indent: 0, headingPath: block.headingPath });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const tableOfClass = (name: string): string => {
    const cls = classes.get(name);
    return (cls?.entity && tableNameArgument(ts, cls.entity)) || snakeCase(name);
  };
  for (const cls of classes.values()) {
    if (!cls.entity || cls.abstract) continue;
    const at = spanIn(cls);
    const explicit = tableNameArgument(ts, cls.entity);
    const table: Table = {
      name: explicit ?? snakeCase(cls.name), columns: [], constraints: [], rowLevelSecurity: false, forceRowLevelSecurity: false,
      requires: [], aliases: [cls.name], spans: [at(cls.node.name!)],
    };
    if (!explicit) {
      reading.diagnostics.push({
        code: 'SD160', severity: 'info', span: table.spans[0],
        message: `@Entity() with no name: TypeORM names the table of class ${cls.name} "${table.name}"`,
      });
    }
    // Columns of abstract base classes come first, as TypeORM creates them.
    const chain: (typeof cls)[] = [];
    for (let c: typeof cls | undefined = cls; c; c = c.base ? classes.get(c.base) : undefined) chain.unshift(c);
    const primaryKey: string[] = [];
    for (const c of chain) {
      for (const member of c.node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
        readProperty(ts, member, { source: c.source, table, primaryKey, at: spanIn(c), tableOfClass }, reading);
      }
    }
    if (primaryKey.length) table.constraints.unshift({ kind: 'primary key', columns: primaryKey, spans: [table.spans[0]!] });
    for (const column of table.columns) if (primaryKey.includes(column.name)) column.notNull = true;
    for (const d of ts.getDecorators(cls.node) ?? []) {
      const columns = stringArrayArgument(ts, d);
      if (!columns) continue;
      if (decoratorName(ts, d) === 'Unique') table.constraints.push({ kind: 'unique', columns, spans: [at(d)] });
      if (decoratorName(ts, d) === 'Index') {
        reading.fragments.push({ kind: 'index', index: { name: '', table: { name: table.name }, unique: false, method: 'btree', keys: columns.map((column) => ({ column })), include: [], spans: [at(d)] } });
      }
    }
    reading.fragments.push({ kind: 'table', table });
  }
  return reading;
}

interface EntityContext {
  source: TS.SourceFile;
  table: Table;
  primaryKey: string[];
  at: (node: TS.Node) => Span;
  tableOfClass: (name: string) => string;
}

function readProperty(ts: typeof TS.default, member: TS.PropertyDeclaration, context: EntityContext, reading: TypeOrmReading): void {
  const { source, table, primaryKey, at } = context;
  const property = (member.name as TS.Identifier).text;
  const decorators = ts.getDecorators(member) ?? [];
  const tsType = member.type?.getText(source).replace(/\s*\|\s*null$/, '') ?? 'string';
  const span = at(member.name);
  for (const d of decorators) {
    const name = decoratorName(ts, d);
    const options = optionsArgument(ts, d, source);
    const typeArgument = stringArgument(ts, d);
    const facts: ColumnFacts = emptyFacts();
    let type = String(options.type ?? typeArgument ?? DEFAULT_TYPES[tsType] ?? 'text');
    let column = String(options.name ?? property);
    switch (name) {
      case 'PrimaryGeneratedColumn': {
        const strategy = typeArgument ?? 'increment';
        type = strategy === 'uuid' ? 'uuid' : strategy === 'identity' ? 'integer' : 'serial';
        // TypeORM's default on PostgreSQL (uuidExtension 'uuid-ossp').
        if (strategy === 'uuid') facts.default = 'uuid_generate_v4()';
        if (strategy === 'identity') facts.identity = true;
        primaryKey.push(column);
        break;
      }
      case 'PrimaryColumn':
        primaryKey.push(column);
        break;
      case 'CreateDateColumn':
      case 'UpdateDateColumn':
        type = String(options.type ?? 'timestamp');
        facts.notNull = true;
        facts.default = 'now()';
        break;
      case 'DeleteDateColumn':
        type = String(options.type ?? 'timestamp');
        break;
      case 'Column':
        facts.notNull = options.nullable !== true;
        break;
      case 'ManyToOne':
      case 'OneToOne': {
        const joinColumn = decorators.find((x) => decoratorName(ts, x) === 'JoinColumn');
        if (name === 'OneToOne' && !joinColumn) return;
        const target = targetEntity(ts, d);
        const joinOptions = joinColumn ? optionsArgument(ts, joinColumn, source) : {};
        column = String(joinOptions.name ?? `${property}Id`);
        const existing = table.columns.find((c) => c.name === column);
        const constraint: Constraint = {
          kind: 'foreign key', columns: [column], references: { name: context.tableOfClass(target ?? ''), columns: [String(joinOptions.referencedColumnName ?? 'id')] },
          ...(typeof options.onDelete === 'string' ? { onDelete: String(options.onDelete).toLowerCase() as Constraint['onDelete'] } : {}),
          spans: [span],
        };
        table.constraints.push(constraint);
        if (!existing) {
          const read = columnFromFacts(column, 'uuid', { ...emptyFacts(), notNull: options.nullable === false }, span, table.name);
          if (!('error' in read)) table.columns.push(read.column);
        }
        return;
      }
      default:
        continue;
    }
    if (options.length !== undefined && /char/.test(type)) type = `${type}(${options.length})`;
    if (options.precision !== undefined) type = `${type}(${options.precision}${options.scale !== undefined ? `, ${options.scale}` : ''})`;
    if (type === 'enum') type = 'text';
    if (options.unique === true) facts.unique = true;
    if (options.default !== undefined && facts.default === undefined) {
      facts.default = typeof options.default === 'string' ? literal(options.default) : String(options.default);
    }
    const read = columnFromFacts(column, type, facts, span, table.name);
    if ('error' in read) {
      reading.diagnostics.push({ code: 'SD161', severity: 'error', span, message: `property ${property} of ${table.name} cannot be read: ${read.error}` });
      return;
    }
    if (name === 'UpdateDateColumn') read.column.maintainedBy = 'TypeORM @UpdateDateColumn';
    if (property !== column) read.column.property = property;
    if (NAMED_TYPE.test(tsType) && !DEFAULT_TYPES[tsType]) read.column.codeType = tsType;
    table.columns.push(read.column);
    table.constraints.push(...read.constraints);
    table.requires.push(...read.requires);
    reading.fragments.push(...read.extensions);
    if (decorators.some((x) => decoratorName(ts, x) === 'Index')) {
      const index: Index = { name: '', table: { name: table.name }, unique: false, method: 'btree', keys: [{ column }], include: [], spans: [span] };
      reading.fragments.push({ kind: 'index', index });
    }
    return;
  }
}

/**
 * `username: Joi.string().min(4).max(15)` or `z.string().max(15)` in a validation schema: the
 * lengths the application allows for a field, to compare with the column.
 */
function readValidationRule(ts: typeof TS.default, node: TS.Node, source: TS.SourceFile, at: (node: TS.Node) => Span): Fragment | undefined {
  if (!ts.isPropertyAssignment(node) || !ts.isIdentifier(node.name) || !ts.isCallExpression(node.initializer)) return undefined;
  const chain = node.initializer.getText(source);
  if (!/^(Joi|z|yup)\.string\(\)/.test(chain)) return undefined;
  const max = /\.max\((\d+)\)/.exec(chain)?.[1];
  if (!max) return undefined;
  const min = /\.min\((\d+)\)/.exec(chain)?.[1];
  return { kind: 'stated-length', field: node.name.text, max: Number(max), ...(min ? { min: Number(min) } : {}), span: at(node.name) };
}

function decoratorName(ts: typeof TS.default, d: TS.Decorator): string | undefined {
  const e = d.expression;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return e.expression.text;
  return ts.isIdentifier(e) ? e.text : undefined;
}

function argumentsOf(ts: typeof TS.default, d: TS.Decorator): readonly TS.Expression[] {
  return ts.isCallExpression(d.expression) ? d.expression.arguments : [];
}

function stringArgument(ts: typeof TS.default, d: TS.Decorator): string | undefined {
  const first = argumentsOf(ts, d)[0];
  return first && ts.isStringLiteral(first) ? first.text : undefined;
}

function stringArrayArgument(ts: typeof TS.default, d: TS.Decorator): string[] | undefined {
  const arg = argumentsOf(ts, d).find((a) => ts.isArrayLiteralExpression(a));
  return arg && ts.isArrayLiteralExpression(arg) ? arg.elements.filter(ts.isStringLiteral).map((e) => e.text) : undefined;
}

/** `@Entity('users')` or `@Entity({ name: 'users' })`. */
function tableNameArgument(ts: typeof TS.default, d: TS.Decorator): string | undefined {
  const name = stringArgument(ts, d);
  if (name) return name;
  const arg = argumentsOf(ts, d).find(ts.isObjectLiteralExpression);
  const prop = arg?.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'name');
  return prop && ts.isPropertyAssignment(prop) && ts.isStringLiteral(prop.initializer) ? prop.initializer.text : undefined;
}

/** The options object of a decorator, its literal values read (`{ type: 'varchar', length: 50 }`). */
function optionsArgument(ts: typeof TS.default, d: TS.Decorator, source: TS.SourceFile): Record<string, string | number | boolean> {
  const options: Record<string, string | number | boolean> = {};
  const arg = argumentsOf(ts, d).find(ts.isObjectLiteralExpression);
  for (const p of arg?.properties ?? []) {
    if (!ts.isPropertyAssignment(p) || !p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
    const v = p.initializer;
    if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) options[p.name.text] = v.text;
    else if (ts.isNumericLiteral(v)) options[p.name.text] = Number(v.text);
    else if (v.kind === ts.SyntaxKind.TrueKeyword) options[p.name.text] = true;
    else if (v.kind === ts.SyntaxKind.FalseKeyword) options[p.name.text] = false;
    else options[p.name.text] = v.getText(source);
  }
  return options;
}

/** `@ManyToOne(() => User, …)` → `User`. */
function targetEntity(ts: typeof TS.default, d: TS.Decorator): string | undefined {
  const first = argumentsOf(ts, d)[0];
  if (first && ts.isArrowFunction(first) && ts.isIdentifier(first.body)) return first.body.text;
  if (first && ts.isStringLiteral(first)) return first.text;
  return undefined;
}

function enclosingMethod(ts: typeof TS.default, node: TS.Node): string | undefined {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isMethodDeclaration(n) && ts.isIdentifier(n.name)) return n.name.text;
  }
  return undefined;
}
