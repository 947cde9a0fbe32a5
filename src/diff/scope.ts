// The part of a model a plan covers: objects in the schemas named (default all), but those excluded.
import type { QualifiedName, Schema } from '../schema/model.js';
import { DEFAULT_SCHEMA } from '../schema/names.js';

export interface Scope {
  schemas?: string[];
  excludeSchemas?: string[];
}

export function withinScope(schema: Schema, scope: Scope): Schema {
  if (!scope.schemas?.length && !scope.excludeSchemas?.length) return schema;
  const inScope = (name: string) => (!scope.schemas?.length || scope.schemas.includes(name)) && !scope.excludeSchemas?.includes(name);
  const keep = <T extends QualifiedName>(list: T[]) => list.filter((o) => inScope(o.schema ?? DEFAULT_SCHEMA));
  const onKept = <T extends { table: QualifiedName }>(list: T[]) => list.filter((o) => inScope(o.table.schema ?? DEFAULT_SCHEMA));
  return {
    ...schema,
    schemas: schema.schemas.filter((s) => inScope(s.name)),
    extensions: schema.extensions.filter((e) => inScope(e.schema ?? DEFAULT_SCHEMA)),
    enums: keep(schema.enums), types: keep(schema.types), sequences: keep(schema.sequences), tables: keep(schema.tables),
    indexes: onKept(schema.indexes), views: keep(schema.views), functions: keep(schema.functions),
    triggers: onKept(schema.triggers), policies: onKept(schema.policies),
    comments: schema.comments.filter((c) => c.requires.every((k) => inScope(k.slice(k.indexOf(':') + 1).split('.')[0]!))),
    grants: schema.grants.filter((g) => g.requires.every((k) => inScope(k.slice(k.indexOf(':') + 1).split('.')[0]!))),
  };
}
