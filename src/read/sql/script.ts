// A statement of the document's SQL as the script keeps it: its text, what it is (for
// messages), what it creates and what it uses. What it uses orders it after what the document
// creates later (a table referenced before it is defined); the document's order stands otherwise.
import type { ObjectKey, QualifiedName, ScriptStatement, Span, StatementKind } from '../../schema/model.js';
import { displayName, objectKey } from '../../schema/names.js';
import { knownProvides } from '../../schema/extensions.js';
import {
  collectReferences, listName,  noReferences, rangeVarName, requiredKeys, strings, type Node, type References,
} from './ast.js';
import { parseSql } from './parser.js';

export function scriptStatement(kind: string, node: Node, sql: string, span: Span, refs: References): ScriptStatement {
  const what = describe(kind, node, sql);
  const provides: ObjectKey[] = [];
  provided(kind, node, provides);
  const requires: ObjectKey[] = [];
  for (const key of requiredKeys(refs)) if (!provides.includes(key)) requires.push(key);
  required(kind, node, refs, requires);
  return { sql, kind: what.kind, name: what.name, provides, requires, settings: NO_SETTINGS, spans: [span] };
}

/** Merge gives each statement the settings where it stands; until then, one shared empty list. */
const NO_SETTINGS: never[] = [];

/** Keys are few per statement: a list, each once. */
function add(keys: ObjectKey[], key: ObjectKey): void {
  if (!keys.includes(key)) keys.push(key);
}

/** `table` `public.users`, `index` `users_email_idx`, or `statement` and its first words. */
function describe(kind: string, node: Node, sql: string): { kind: StatementKind; name: string } {
  switch (kind) {
    case 'CreateStmt': return { kind: 'table', name: displayName(rangeVarName(node.relation)) };
    case 'CreateForeignTableStmt': return { kind: 'table', name: displayName(rangeVarName(node.base.relation)) };
    case 'IndexStmt': return { kind: 'index', name: node.idxname ?? `on ${displayName(rangeVarName(node.relation))}` };
    case 'ViewStmt': return { kind: 'view', name: displayName(rangeVarName(node.view)) };
    case 'CreateTableAsStmt':
      return { kind: node.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', name: displayName(rangeVarName(node.into.rel)) };
    case 'CreateFunctionStmt': return { kind: 'function', name: displayName(listName(node.funcname)) };
    case 'CreateTrigStmt': return { kind: 'trigger', name: `${node.trigname} on ${displayName(rangeVarName(node.relation))}` };
    case 'CreatePolicyStmt': return { kind: 'policy', name: `${node.policy_name} on ${displayName(rangeVarName(node.table))}` };
    case 'CreateSchemaStmt': return { kind: 'schema', name: node.schemaname ?? '' };
    case 'CreateExtensionStmt': return { kind: 'extension', name: node.extname };
    case 'CreateEnumStmt': case 'CreateRangeStmt': return { kind: 'type', name: displayName(listName(node.typeName)) };
    case 'CreateDomainStmt': return { kind: 'type', name: displayName(listName(node.domainname)) };
    case 'CompositeTypeStmt': return { kind: 'type', name: displayName(rangeVarName(node.typevar)) };
    case 'CreateSeqStmt': return { kind: 'sequence', name: displayName(rangeVarName(node.sequence)) };
    case 'CommentStmt': return { kind: 'comment', name: firstWords(sql) };
    case 'AlterTableStmt': {
      const commands: Node[] = (node.cmds ?? []).map((c: Node) => c.AlterTableCmd);
      const constraint = commands.length === 1 && commands[0].subtype === 'AT_AddConstraint' ? commands[0].def?.Constraint : undefined;
      if (constraint?.contype === 'CONSTR_FOREIGN') {
        return { kind: 'foreign key', name: constraint.conname ?? `${displayName(rangeVarName(node.relation))}(${strings(constraint.fk_attrs).join(', ')})` };
      }
      if (constraint) return { kind: 'constraint', name: constraint.conname ?? `on ${displayName(rangeVarName(node.relation))}` };
      if (commands.every((c) => c.subtype === 'AT_EnableRowSecurity' || c.subtype === 'AT_ForceRowSecurity')) {
        return { kind: 'row level security', name: displayName(rangeVarName(node.relation)) };
      }
      return { kind: 'statement', name: firstWords(sql) };
    }
    default: return { kind: 'statement', name: firstWords(sql) };
  }
}

/** The start of a statement, on one line, for messages. */
function firstWords(sql: string): string {
  const line = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}

/** What a statement creates: relations and their row types, types, functions, keys a foreign key can reference. */
function provided(kind: string, node: Node, keys: ObjectKey[]): void {
  const relation = (name: QualifiedName) => {
    add(keys, objectKey('relation', name));
    add(keys, objectKey('type', name));
  };
  switch (kind) {
    // A table's own keys come with it: a foreign key to them waits for the table.
    case 'CreateStmt':
      relation(rangeVarName(node.relation));
      break;
    case 'CreateForeignTableStmt': relation(rangeVarName(node.base.relation)); break;
    case 'ViewStmt': relation(rangeVarName(node.view)); break;
    case 'CreateTableAsStmt': relation(rangeVarName(node.into.rel)); break;
    case 'CreateSeqStmt': add(keys, objectKey('relation', rangeVarName(node.sequence))); break;
    case 'IndexStmt': {
      const table = rangeVarName(node.relation);
      if (node.idxname) add(keys, objectKey('relation', table.schema ? { schema: table.schema, name: node.idxname } : { name: node.idxname }));
      const columns: string[] = (node.indexParams ?? []).map((p: Node) => p.IndexElem?.name);
      if (node.unique && !node.whereClause && columns.every(Boolean)) add(keys, keyOf('key', table, columns));
      break;
    }
    case 'AlterTableStmt':
      for (const { AlterTableCmd: cmd } of node.cmds ?? []) {
        const constraint = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
        if (constraint) uniqueKeys(rangeVarName(node.relation), constraint, strings(constraint.keys), keys);
      }
      break;
    case 'CreateFunctionStmt': add(keys, objectKey('function', listName(node.funcname))); break;
    case 'DefineStmt':
      if (node.kind === 'OBJECT_AGGREGATE') add(keys, objectKey('function', listName(node.defnames)));
      if (node.kind === 'OBJECT_TYPE') add(keys, objectKey('type', listName(node.defnames)));
      break;
    case 'CreateEnumStmt': case 'CreateRangeStmt': add(keys, objectKey('type', listName(node.typeName))); break;
    case 'CreateDomainStmt': add(keys, objectKey('type', listName(node.domainname))); break;
    case 'CompositeTypeStmt': add(keys, objectKey('type', rangeVarName(node.typevar))); break;
    case 'CreateSchemaStmt': if (node.schemaname) add(keys, `schema:${node.schemaname}`); break;
    case 'CreateExtensionStmt': {
      add(keys, `extension:${node.extname}`);
      const schema = optionString(node.options, 'schema');
      for (const [what, name] of knownProvides(node.extname)) add(keys, objectKey(what, schema ? { schema, name } : { name }));
      break;
    }
    case 'RenameStmt': {
      // Later statements use the new name.
      const target = node.relation ? rangeVarName(node.relation) : undefined;
      if (target && ['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_INDEX', 'OBJECT_FOREIGN_TABLE'].includes(node.renameType)) {
        add(keys, objectKey('relation', target.schema ? { schema: target.schema, name: node.newname } : { name: node.newname }));
      }
      break;
    }
  }
}

function uniqueKeys(table: QualifiedName, c: Node, columns: string[], keys: ObjectKey[]): void {
  if (c?.contype !== 'CONSTR_PRIMARY' && c?.contype !== 'CONSTR_UNIQUE') return;
  add(keys, keyOf('key', table, columns));
  if (c.contype === 'CONSTR_PRIMARY') add(keys, keyOf('primary', table, []));
}

/** `key:public.users(id)`: a unique key of a table, which a foreign key to those columns needs first. */
function keyOf(kind: 'key' | 'primary', table: QualifiedName, columns: string[]): ObjectKey {
  return objectKey(kind, { ...table, name: `${table.name}(${columns.join(',')})` });
}

/** What a statement uses beyond the names in its expressions: key columns, trigger functions, function bodies, the object it alters. */
function required(kind: string, node: Node, refs: References, keys: ObjectKey[]): void {
  // A foreign key needs the referenced table's unique key (or primary key) created first.
  for (const fk of refs.foreignKeys) {
    add(keys, objectKey('relation', fk.table));
    add(keys, fk.columns.length ? keyOf('key', fk.table, fk.columns) : keyOf('primary', fk.table, []));
  }
  // The relation a statement is on is a field of its own, not a RangeVar node in its tree.
  const on = kind === 'CreatePolicyStmt' || kind === 'AlterPolicyStmt' ? node.table : kind === 'CreateStmt' || kind === 'ViewStmt' ? undefined : node.relation;
  if (on?.relname) add(keys, objectKey('relation', rangeVarName(on)));
  for (const e of kind === 'CreateStmt' ? node.tableElts ?? [] : []) if (e.TableLikeClause) add(keys, objectKey('relation', rangeVarName(e.TableLikeClause.relation)));
  for (const { AlterTableCmd: cmd } of kind === 'AlterTableStmt' ? node.cmds ?? [] : []) {
    const partition = cmd.def?.PartitionCmd?.name;
    if (partition) add(keys, objectKey('relation', rangeVarName(partition)));
  }
  switch (kind) {
    case 'CreateTrigStmt': add(keys, objectKey('function', listName(node.funcname))); break;
    case 'CreateFunctionStmt': for (const key of requiredKeys(bodyReferences(node))) add(keys, key); break;
    case 'AlterSeqStmt': case 'CreateSeqStmt': {
      const owner: Node[] | undefined = (node.options ?? []).find((o: Node) => o.DefElem?.defname === 'owned_by')?.DefElem.arg?.List?.items;
      const parts = strings(owner);
      if (parts.length >= 2) add(keys, objectKey('relation', listName(owner!.slice(0, -1))));
      break;
    }
    case 'CommentStmt': case 'AlterOwnerStmt': case 'AlterObjectSchemaStmt': case 'RenameStmt': case 'AlterFunctionStmt':
    case 'AlterDomainStmt': case 'AlterEnumStmt': case 'GrantStmt': case 'SecLabelStmt':
      for (const key of targetKeys(node)) add(keys, key);
      break;
  }
}

/** A SQL function's body names what it uses; PostgreSQL checks it when it is created (unless check_function_bodies is off). */
function bodyReferences(node: Node): References {
  const language = optionString(node.options, 'language')?.toLowerCase() ?? 'sql';
  const body: Node[] | undefined = (node.options ?? []).find((o: Node) => o.DefElem?.defname === 'as')?.DefElem.arg?.List?.items;
  const text = body?.length === 1 ? body[0]?.String?.sval : undefined;
  if (node.sql_body || language !== 'sql' || typeof text !== 'string') return noReferences();
  try {
    return collectReferences(parseSql(text));
  } catch {
    return noReferences();
  }
}

const RELATION_OBJECTS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_INDEX', 'OBJECT_FOREIGN_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE']);
const FUNCTION_OBJECTS = new Set(['OBJECT_FUNCTION', 'OBJECT_PROCEDURE', 'OBJECT_AGGREGATE', 'OBJECT_ROUTINE']);
const TYPE_OBJECTS = new Set(['OBJECT_TYPE', 'OBJECT_DOMAIN', 'OBJECT_DOMCONSTRAINT']);

/** The objects a COMMENT, OWNER TO, GRANT, RENAME … is about. */
function targetKeys(node: Node): ObjectKey[] {
  const type: string = node.objtype ?? node.objectType ?? node.renameType ?? (node.typeName ? 'OBJECT_TYPE' : undefined);
  const objects: Node[] = node.objects ?? (node.object ? [node.object] : []);
  if (node.typeName && !node.object) objects.push({ List: { items: node.typeName } });
  if (node.func) objects.push({ ObjectWithArgs: node.func });
  const keys: ObjectKey[] = [];
  for (const object of objects) {
    if (FUNCTION_OBJECTS.has(type) && object.ObjectWithArgs) keys.push(objectKey('function', listName(object.ObjectWithArgs.objname)));
    else if (TYPE_OBJECTS.has(type)) {
      const names = object.TypeName?.names ?? object.List?.items;
      if (names) keys.push(objectKey('type', listName(type === 'OBJECT_DOMCONSTRAINT' ? names.slice(0, -1) : names)));
    } else if (type === 'OBJECT_SCHEMA') keys.push(`schema:${strings([object])[0] ?? ''}`);
    else if (type === 'OBJECT_EXTENSION') keys.push(`extension:${strings([object])[0] ?? ''}`);
    else if (RELATION_OBJECTS.has(type) && object.List) {
      const names: Node[] = object.List.items;
      // A column, constraint, trigger or policy: the name of its table comes first.
      const own = type === 'OBJECT_TABLE' || type === 'OBJECT_VIEW' || type === 'OBJECT_MATVIEW' || type === 'OBJECT_SEQUENCE' || type === 'OBJECT_INDEX' || type === 'OBJECT_FOREIGN_TABLE';
      keys.push(objectKey('relation', listName(own ? names : names.slice(0, -1))));
    }
  }
  if (node.relation && RELATION_OBJECTS.has(type)) keys.push(objectKey('relation', rangeVarName(node.relation)));
  return keys;
}

function optionString(options: Node[] | undefined, name: string): string | undefined {
  const option = (options ?? []).find((o: Node) => o.DefElem?.defname === name);
  return option ? strings([option.DefElem.arg])[0] : undefined;
}
