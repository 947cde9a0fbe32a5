// Schema statements other than tables → fragments.
import { objectKey } from '../../schema/names.js';
import type { Comment, Index, IndexKey, Policy, QualifiedName, Span } from '../../schema/model.js';
import type { Fragment } from '../fragment.js';
import {
  expression, listName,  rangeVarName, requiredKeys, sql, strings, typeRef, type Node, type References,
} from './ast.js';

export function readIndex(stmt: Node, span: Span): Index {
  const keys: IndexKey[] = (stmt.indexParams ?? []).map(({ IndexElem: e }: Node) => {
    const key: IndexKey = e.name ? { column: e.name } : { expression: expression(e.expr)! };
    if (e.ordering === 'SORTBY_DESC') key.descending = true;
    if (e.nulls_ordering === 'SORTBY_NULLS_FIRST') key.nullsFirst = true;
    if (e.nulls_ordering === 'SORTBY_NULLS_LAST' && e.ordering !== 'SORTBY_DESC') key.nullsFirst = false;
    if (e.opclass?.length) key.opclass = strings(e.opclass).join('.');
    if (e.collation?.length) key.collation = strings(e.collation).join('.');
    return key;
  });
  const table = rangeVarName(stmt.relation);
  return {
    name: stmt.idxname ?? '',
    ...(table.schema ? { schema: table.schema } : {}),
    table,
    unique: Boolean(stmt.unique),
    method: stmt.accessMethod ?? 'btree',
    keys,
    include: (stmt.indexIncludingParams ?? []).map(({ IndexElem: e }: Node) => e.name),
    ...(stmt.whereClause ? { where: expression(stmt.whereClause) } : {}),
    ...(stmt.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
    spans: [span],
    // Set by merge; there from the start, so that setting it keeps the object's shape.
    asWritten: false,
  };
}

export function readPolicy(stmt: Node, span: Span, refs: References): Policy {
  const policy: Policy = {
    name: stmt.policy_name,
    table: rangeVarName(stmt.table),
    command: stmt.cmd_name ?? 'all',
    permissive: Boolean(stmt.permissive),
    roles: (stmt.roles ?? []).map(({ RoleSpec: r }: Node) => roleName(r)),
    requires: requiredKeys(refs),
    spans: [span],
  };
  const using = expression(stmt.qual);
  const withCheck = expression(stmt.with_check);
  if (using) policy.using = using;
  if (withCheck) policy.withCheck = withCheck;
  return policy;
}

function roleName(r: Node): string {
  switch (r.roletype) {
    case 'ROLESPEC_PUBLIC': return 'public';
    case 'ROLESPEC_CURRENT_USER': return 'current_user';
    case 'ROLESPEC_SESSION_USER': return 'session_user';
    case 'ROLESPEC_CURRENT_ROLE': return 'current_role';
    default: return r.rolename;
  }
}

const COMMENT_TARGETS: Record<string, Comment['targetKind']> = {
  OBJECT_TABLE: 'table', OBJECT_COLUMN: 'column', OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view',
  OBJECT_INDEX: 'index', OBJECT_TYPE: 'type', OBJECT_FUNCTION: 'function', OBJECT_SCHEMA: 'schema',
  OBJECT_SEQUENCE: 'sequence', OBJECT_TRIGGER: 'trigger', OBJECT_POLICY: 'policy',
  OBJECT_TABCONSTRAINT: 'constraint', OBJECT_EXTENSION: 'extension',
};

export function readComment(stmt: Node, span: Span): Comment | undefined {
  const targetKind = COMMENT_TARGETS[stmt.objtype];
  if (!targetKind || stmt.comment === undefined) return undefined;
  const printed = sql({ CommentStmt: stmt });
  const start = printed.indexOf(' ON ') + 4 + targetKind.length + 1;
  const target = printed.slice(start, printed.indexOf(' IS ', start)).trim();
  const names = stmt.object?.List ? strings(stmt.object.List.items) : [];
  const relation = targetKind === 'column' ? names.slice(0, -1) : names;
  const requires = ['table', 'column', 'view', 'materialized view', 'index', 'sequence'].includes(targetKind)
    ? [objectKey('relation', listName(relation.map((sval) => ({ String: { sval } }))))]
    : [];
  return { targetKind, target, text: stmt.comment, requires, spans: [span] };
}

/**
 * Statements that only add objects (no table structure): the fragment kinds they produce.
 * An object's definition is the statement as written (`text`).
 */
export function readObjectStatement(kind: string, stmt: Node, text: string, span: Span, refs: References): Fragment | undefined {
  const requires = requiredKeys(refs);
  const definedObject = (name: QualifiedName) => ({ ...name, definition: text, requires, spans: [span] });
  switch (kind) {
    case 'CreateSchemaStmt':
      return { kind: 'schema', schema: { name: stmt.schemaname, spans: [span] }, ...(stmt.if_not_exists ? { ifNotExists: true } : {}) };
    case 'CreateExtensionStmt': {
      const schemaOption = (stmt.options ?? []).find((o: Node) => o.DefElem?.defname === 'schema');
      const schema = schemaOption ? strings([schemaOption.DefElem.arg])[0] : undefined;
      const versionOption = (stmt.options ?? []).find((o: Node) => o.DefElem?.defname === 'new_version');
      const version = versionOption ? strings([versionOption.DefElem.arg])[0] : undefined;
      return {
        kind: 'extension', extension: { name: stmt.extname, ...(schema ? { schema } : {}), ...(version ? { version } : {}), implied: false, spans: [span] },
        ...(stmt.if_not_exists ? { ifNotExists: true } : {}),
      };
    }
    case 'CreateEnumStmt':
      return { kind: 'enum', enum: { ...listName(stmt.typeName), values: strings(stmt.vals), spans: [span] } };
    case 'CompositeTypeStmt':
      return { kind: 'type', type: definedObject(rangeVarName(stmt.typevar)) };
    case 'CreateDomainStmt':
    case 'CreateRangeStmt':
      return { kind: 'type', type: definedObject(listName(stmt.domainname ?? stmt.typeName)) };
    case 'CreateSeqStmt':
      return { kind: 'sequence', sequence: definedObject(rangeVarName(stmt.sequence)), ...(stmt.if_not_exists ? { ifNotExists: true } : {}) };
    case 'ViewStmt':
      return {
        kind: 'view',
        view: { ...definedObject(rangeVarName(stmt.view)), materialized: false, query: printedQuery(stmt.query) },
        ...(stmt.replace ? { replace: true } : {}),
      };
    case 'CreateTableAsStmt':
      if (stmt.objtype !== 'OBJECT_MATVIEW') return undefined;
      return {
        kind: 'view',
        view: { ...definedObject(rangeVarName(stmt.into.rel)), materialized: true, query: printedQuery(stmt.query) },
      };
    case 'CreateFunctionStmt': {
      const language = (stmt.options ?? []).find((o: Node) => o.DefElem?.defname === 'language');
      const parameters = (stmt.parameters ?? []).map(({ FunctionParameter: p }: Node) => p);
      return {
        kind: 'function',
        function: {
          ...listName(stmt.funcname),
          kind: stmt.is_procedure ? 'procedure' : 'function',
          argumentTypes: parameters
            .filter((p: Node) => p.mode !== 'FUNC_PARAM_OUT' && p.mode !== 'FUNC_PARAM_TABLE')
            .map((p: Node) => typeRef(p.argType).sql),
          language: language ? strings([language.DefElem.arg])[0] ?? 'sql' : 'sql',
          definition: text,
          // A function's own name is not a dependency (recursion).
          requires: requires.filter((key) => key !== objectKey('function', listName(stmt.funcname))),
          spans: [span],
        },
        ...(stmt.replace ? { replace: true } : {}),
      };
    }
    case 'CreateTrigStmt':
      return {
        kind: 'trigger',
        trigger: {
          name: stmt.trigname,
          table: rangeVarName(stmt.relation),
          function: listName(stmt.funcname),
          definition: text,
          requires: [...requires, objectKey('function', listName(stmt.funcname))],
          spans: [span],
        },
        ...(stmt.replace ? { replace: true } : {}),
      };
    default:
      return undefined;
  }
}

/** A view's query as PostgreSQL's grammar prints it, for the rules that look into it; empty where the printer fails. */
function printedQuery(query: Node): string {
  try {
    return sql(query);
  } catch {
    return '';
  }
}
