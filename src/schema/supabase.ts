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
  const provided = (keys: string[]) => keys.some((key) => PROVIDED.has(key));
  const supabaseSchema = (name: QualifiedName) => name.schema === 'auth' || name.schema === 'storage';
  return schema.tables.some((t) => provided(t.requires) || t.constraints.some((c) => c.references !== undefined && supabaseSchema(c.references) && PROVIDED.has(objectKey('relation', c.references))))
    || [...schema.views, ...schema.functions, ...schema.triggers, ...schema.policies, ...schema.statements].some((o) => provided(o.requires))
    || schema.triggers.some((t) => supabaseSchema(t.table)) || schema.policies.some((p) => supabaseSchema(p.table));
}
