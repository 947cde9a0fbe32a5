// Where an unqualified name is created and where it is found, as PostgreSQL decides with the
// search_path in force: a name is created in the first schema of the path that exists, and
// found in the first schema of the path that has it.
import type { ObjectKey, QualifiedName } from '../schema/model.js';
import { BUILT_IN_TYPES } from '../schema/builtins.js';
import { DEFAULT_SCHEMA, objectKey } from '../schema/names.js';

/** The kinds of name a key can have; `key` and `primary` name a table's unique keys (`users(id)`). */
type Namespace = 'relation' | 'type' | 'function';

const NAMESPACE: Record<string, Namespace> = { relation: 'relation', key: 'relation', primary: 'relation', type: 'type', function: 'function' };

export class SearchPath {
  /** Schemas named by the path, in order (`$user` left out); pg_catalog first where the path does not name it. */
  private path: string[] = ['pg_catalog', DEFAULT_SCHEMA];
  private readonly schemas = new Set([DEFAULT_SCHEMA]);
  private readonly names: Record<Namespace, Set<string>> = { relation: new Set(), type: new Set(), function: new Set() };

  set(schemas: string[]): void {
    const path = schemas.filter((s) => s !== '$user' && !s.startsWith('pg_temp'));
    this.path = path.includes('pg_catalog') ? path : ['pg_catalog', ...path];
  }

  reset(): void {
    this.path = ['pg_catalog', DEFAULT_SCHEMA];
  }

  /** The path no SET changed (pg_catalog, then public): every name is found or made in public. */
  get isDefault(): boolean {
    return this.path.length === 2 && this.path[0] === 'pg_catalog' && this.path[1] === DEFAULT_SCHEMA;
  }

  addSchema(name: string): void {
    this.schemas.add(name);
  }

  removeSchema(name: string): void {
    this.schemas.delete(name);
  }

  /** Records that a name now exists (`objectKey`), so that unqualified names find it. */
  add(kind: Namespace, name: QualifiedName): void {
    this.names[kind].add(objectKey(kind, name));
  }

  remove(kind: Namespace, name: QualifiedName): void {
    this.names[kind].delete(objectKey(kind, name));
  }

  has(kind: Namespace, name: QualifiedName): boolean {
    return this.names[kind].has(objectKey(kind, name));
  }

  /** `add` and `has` for a key already made (`objectKey(kind, name)`). */
  addKey(kind: Namespace, key: ObjectKey): void {
    this.names[kind].add(key);
  }

  hasKey(kind: Namespace, key: ObjectKey): boolean {
    return this.names[kind].has(key);
  }

  /** The schema an unqualified CREATE puts its object in (undefined: public, or no schema to create in). */
  private creationSchema(): string | undefined {
    const schema = this.path.find((s) => s !== 'pg_catalog' && this.schemas.has(s));
    return schema === DEFAULT_SCHEMA ? undefined : schema;
  }

  /** The name an unqualified CREATE gives its object. */
  created<T extends QualifiedName>(name: T): T {
    if (name.schema !== undefined) return name;
    const schema = this.creationSchema();
    if (schema !== undefined) name.schema = schema;
    return name;
  }

  /** The schema an unqualified reference denotes: the first of the path that has the name. */
  schemaOf(kind: Namespace, name: string): string | undefined {
    for (const schema of this.path) {
      if (schema === 'pg_catalog') {
        if (kind === 'type' && BUILT_IN_TYPES.has(name)) return schema;
      } else if (this.isDefault || this.names[kind].has(objectKey(kind, { schema, name }))) {
        return schema === DEFAULT_SCHEMA ? undefined : schema;
      }
    }
    return this.creationSchema();
  }

  /** A reference as it resolves here: the same object with its schema filled in where the path decides it. */
  found<T extends QualifiedName>(kind: Namespace, name: T): T {
    if (name.schema !== undefined) return name;
    const schema = this.schemaOf(kind, name.name);
    if (schema !== undefined) name.schema = schema;
    return name;
  }

  /**
   * The readers key a name written without a schema as public's, which it is on the default
   * path. Under another path such a key is found (or, for what a statement creates, made)
   * where the path says. An explicit `public.` name is taken the same way: keys only decide
   * what a statement waits for, and both sides of a dependency are taken alike.
   */
  key(key: ObjectKey, creating = false): ObjectKey {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const namespace = NAMESPACE[kind];
    if (!namespace || !key.startsWith(`${DEFAULT_SCHEMA}.`, colon + 1)) return key;
    const name = key.slice(colon + DEFAULT_SCHEMA.length + 2);
    const paren = kind === 'key' || kind === 'primary' ? name.indexOf('(') : -1;
    const schema = creating ? this.creationSchema() : this.schemaOf(namespace, paren >= 0 ? name.slice(0, paren) : name);
    return objectKey(kind, schema === undefined ? { name } : { schema, name });
  }

  /** The keys as this path takes them, in place; on the default path, as they are. */
  keys(keys: ObjectKey[], creating = false): ObjectKey[] {
    if (this.isDefault) return keys;
    for (let i = 0; i < keys.length; i++) keys[i] = this.key(keys[i]!, creating);
    return keys;
  }
}
