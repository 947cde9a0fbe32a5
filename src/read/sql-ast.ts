// Small helpers over libpg-query's JSON AST. Expressions are printed back to SQL with
// pgsql-deparser, so the model holds PostgreSQL's grammar, never the document's spelling.
import { deparseSync } from 'pgsql-deparser';
import type { ObjectKey, QualifiedName, TypeRef } from '../schema/model.js';
import { objectKey } from '../schema/names.js';

// The AST is JSON whose shape depends on the node; helpers read it defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

/** `[{String:{sval:'a'}}, {String:{sval:'b'}}]` → `['a', 'b']`. */
export function strings(list: Node[] | undefined): string[] {
  return (list ?? []).map((n) => n?.String?.sval ?? n?.sval ?? '').filter((s: string) => s !== '');
}

export function rangeVarName(rv: Node): QualifiedName {
  return rv.schemaname ? { schema: rv.schemaname, name: rv.relname } : { name: rv.relname };
}

/** A dotted name list (`['auth', 'uid']`) as a qualified name. */
export function listName(list: Node[] | undefined): QualifiedName {
  const parts = strings(list);
  const name = parts[parts.length - 1] ?? '';
  return parts.length > 1 ? { schema: parts[parts.length - 2], name } : { name };
}

/** Prints an expression, type or clause node back as SQL. */
export function sql(node: Node): string {
  return deparseSync(node).trim();
}

export function expression(node: Node | undefined): string | undefined {
  return node === undefined ? undefined : sql(node);
}

/** A type as the document wrote it; `name` is PostgreSQL's internal name (`int4`, `varchar`). */
export function typeRef(typeName: Node): TypeRef {
  // Documents repeat a handful of types thousands of times: print each spelling once.
  const key = JSON.stringify([typeName.names, typeName.typmods, typeName.arrayBounds?.length, typeName.setof, typeName.pct_type])
    .replace(/"location":\d+,?/g, '');
  let ref = typeRefs.get(key);
  if (!ref) {
    const parts = strings(typeName.names);
    const name = parts[parts.length - 1] ?? '';
    const schema = parts.length > 1 && parts[0] !== 'pg_catalog' ? parts[parts.length - 2] : undefined;
    ref = {
      name,
      ...(schema ? { schema } : {}),
      modifiers: (typeName.typmods ?? []).map((m: Node) => sql(m)),
      arrayDimensions: (typeName.arrayBounds ?? []).length,
      sql: sql({ TypeName: typeName }),
    };
    typeRefs.set(key, ref);
  }
  return { ...ref, modifiers: [...ref.modifiers] };
}

const typeRefs = new Map<string, TypeRef>();

export interface References {
  relations: QualifiedName[];
  functions: QualifiedName[];
  types: QualifiedName[];
}

const TYPE_NAME_FIELDS = new Set(['TypeName', 'typeName', 'argType', 'returnType', 'ofTypename']);

/** Every relation, function and type a statement or expression names (one walk per statement). */
export function collectReferences(node: Node): References {
  const refs: References = { relations: [], functions: [], types: [] };
  const visit = (n: Node): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const item of n) visit(item);
      return;
    }
    for (const key in n) {
      const value = n[key];
      if (value === null || typeof value !== 'object') continue;
      if (key === 'RangeVar') refs.relations.push(rangeVarName(value));
      else if (key === 'FuncCall') refs.functions.push(listName(value.funcname));
      // Type names appear wrapped (`TypeName`) in expressions and bare in column and parameter fields.
      else if (TYPE_NAME_FIELDS.has(key) && Array.isArray(value.names)) refs.types.push(listName(value.names));
      visit(value);
    }
  };
  visit(node);
  return refs;
}

/** Dependency keys for ordering: relations (tables and views), functions, types. */
export function requiredKeys(refs: References): ObjectKey[] {
  return [
    ...refs.relations.map((r) => objectKey('relation', r)),
    ...refs.functions.map((f) => objectKey('function', f)),
    ...refs.types.filter((t) => t.schema !== 'pg_catalog').map((t) => objectKey('type', t)),
  ];
}
