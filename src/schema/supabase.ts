// What a Supabase database provides that documents written for it use without defining.
import type { Schema } from './model.js';

/** Tables of Supabase's own schemas, with the columns documents refer to. */
export const SUPABASE_TABLES: Record<string, string[]> = {
  'auth.users': ['id', 'email', 'phone', 'raw_user_meta_data', 'raw_app_meta_data', 'created_at', 'updated_at'],
  'storage.objects': ['id', 'bucket_id', 'name', 'owner', 'metadata', 'created_at', 'updated_at'],
  'storage.buckets': ['id', 'name', 'public', 'owner', 'created_at', 'updated_at'],
};

export const SUPABASE_FUNCTIONS = ['auth.uid', 'auth.role', 'auth.jwt', 'auth.email', 'storage.foldername', 'storage.filename', 'storage.extension'];

/** A document targets Supabase when it refers to `auth.users`, `auth.uid()` and the like. */
export function usesSupabase(schema: Schema): boolean {
  const provided = new Set([
    ...Object.keys(SUPABASE_TABLES).map((t) => `relation:${t}`),
    ...SUPABASE_FUNCTIONS.map((f) => `function:${f}`),
  ]);
  const requires = [
    ...schema.tables.flatMap((t) => t.requires),
    ...schema.tables.flatMap((t) => t.constraints.flatMap((c) => (c.references ? [`relation:${c.references.schema ?? 'public'}.${c.references.name}`] : []))),
    ...[...schema.views, ...schema.functions, ...schema.triggers, ...schema.policies, ...schema.statements].flatMap((o) => o.requires),
    ...schema.triggers.map((t) => `relation:${t.table.schema ?? 'public'}.${t.table.name}`),
    ...schema.policies.map((p) => `relation:${p.table.schema ?? 'public'}.${p.table.name}`),
  ];
  return requires.some((key) => provided.has(key));
}
