// DROP … [IF EXISTS]: what it removes. Whether anything is there to remove depends on what
// the statements before it made, which merge knows; the reader only names the objects.
import type { Span } from '../../schema/model.js';
import type { Fragment, ObjectTarget } from '../fragment.js';
import { listName, strings, type Node } from './ast.js';

const DROPPED: Record<string, ObjectTarget['kind']> = {
  OBJECT_TABLE: 'table', OBJECT_FOREIGN_TABLE: 'table', OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view', OBJECT_INDEX: 'index',
  OBJECT_SEQUENCE: 'sequence', OBJECT_TYPE: 'type', OBJECT_DOMAIN: 'type', OBJECT_FUNCTION: 'function', OBJECT_PROCEDURE: 'function',
  OBJECT_AGGREGATE: 'function', OBJECT_ROUTINE: 'function', OBJECT_SCHEMA: 'schema', OBJECT_EXTENSION: 'extension',
  OBJECT_TRIGGER: 'trigger', OBJECT_POLICY: 'policy',
};

export function readDrop(stmt: Node, span: Span): Fragment[] {
  const kind = DROPPED[stmt.removeType] ?? 'other';
  const missingOk = Boolean(stmt.missing_ok);
  const cascade = stmt.behavior === 'DROP_CASCADE';
  return (stmt.objects ?? []).map((object: Node): Fragment => ({ kind: 'drop', target: dropTarget(kind, object), missingOk, cascade, span }));
}

function dropTarget(kind: ObjectTarget['kind'], object: Node): ObjectTarget {
  if (object.ObjectWithArgs) return { kind, name: listName(object.ObjectWithArgs.objname) };
  if (object.TypeName) return { kind, name: listName(object.TypeName.names) };
  if (object.String) return { kind, name: { name: object.String.sval } };
  const items: Node[] = object.List?.items ?? [];
  // DROP TRIGGER t ON table, DROP POLICY p ON table: the table's name, then the object's.
  if (kind === 'trigger' || kind === 'policy') return { kind, name: { name: strings(items).pop() ?? '' }, on: listName(items.slice(0, -1)) };
  return { kind, name: listName(items) };
}
