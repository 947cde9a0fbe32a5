import type { ObjectKey, QualifiedName } from './model.js';

export const DEFAULT_SCHEMA = 'public';

/** The key an object is found by: `kind:schema.name`, with `public` for unqualified names. */
export function objectKey(kind: string, name: QualifiedName): ObjectKey {
  return `${kind}:${name.schema ?? DEFAULT_SCHEMA}.${name.name}`;
}

/** `schema.name` as a person reads it; the schema is shown only when the document gave one. */
export function displayName(name: QualifiedName): string {
  return name.schema ? `${name.schema}.${name.name}` : name.name;
}

export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && (a.schema ?? DEFAULT_SCHEMA) === (b.schema ?? DEFAULT_SCHEMA);
}
