// What a Supabase database provides that documents written for it use without defining.
import type { QualifiedName, Schema } from './model.js';
import { objectKey } from './names.js';

/** Tables of Supabase's own schemas, with the columns documents refer to. */
export const SUPABASE_TABLES: Record<string, string[]> = {
  'auth.users': ['id', 'email', 'phone', 'raw_user_meta_data', 'raw_app_meta_data', 'created_at', 'updated_at'],
  'storage.objects': ['id', 'bucket_id', 'name', 'owner', 'metadata', 'created_at', 'updated_at'],
  'storage.buckets': ['id', 'name', 'public', 'owner', 'created_at', 'updated_at'],
};

export const SUPABASE_FUNCTIONS = ['auth.uid', 'auth.role', 'auth.jwt', 'auth.email', 'storage.foldername', 'storage.filename', 'storage.extension'];

const PROVIDED = new Set([
  ...Object.keys(SUPABASE_TABLES).map((t) => `relation:${t}`),
  ...SUPABASE_FUNCTIONS.map((f) => `function:${f}`),
]);

/** A document targets Supabase when it refers to `auth.users`, `auth.uid()` and the like. */
export function usesSupabase(schema: Schema): boolean {
  for (const t of schema.tables) {
    if (providesAny(t.requires)) return true;
    for (const c of t.constraints) {
      if (c.references && inSupabaseSchema(c.references) && PROVIDED.has(objectKey('relation', c.references))) return true;
    }
  }
  for (const objects of [schema.views, schema.functions, schema.triggers, schema.policies, schema.statements]) {
    for (const o of objects) if (providesAny(o.requires)) return true;
  }
  return schema.triggers.some((t) => inSupabaseSchema(t.table)) || schema.policies.some((p) => inSupabaseSchema(p.table));
}

function providesAny(keys: string[]): boolean {
  for (const key of keys) if (PROVIDED.has(key)) return true;
  return false;
}

function inSupabaseSchema(name: QualifiedName): boolean {
  return name.schema === 'auth' || name.schema === 'storage';
}
