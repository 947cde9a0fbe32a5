// What a Supabase database provides that documents written for it use without defining.
import type { QualifiedName, Schema } from './model.js';
import { objectKey } from './names.js';

/** Tables of Supabase's own schemas, with the columns documents refer to. */
export const SUPABASE_TABLES: Record<string, string[]> = {
  'auth.users': ['instance_id', 'id', 'aud', 'role', 'email', 'encrypted_password', 'email_confirmed_at', 'invited_at',
    'confirmation_token', 'confirmation_sent_at', 'recovery_token', 'recovery_sent_at', 'email_change_token_new', 'email_change',
    'email_change_sent_at', 'last_sign_in_at', 'raw_app_meta_data', 'raw_user_meta_data', 'is_super_admin', 'created_at',
    'updated_at', 'phone', 'phone_confirmed_at', 'phone_change', 'phone_change_token', 'phone_change_sent_at', 'confirmed_at',
    'email_change_token_current', 'email_change_confirm_status', 'banned_until', 'reauthentication_token',
    'reauthentication_sent_at', 'is_sso_user', 'deleted_at', 'is_anonymous'],
  'storage.objects': ['id', 'bucket_id', 'name', 'owner', 'owner_id', 'created_at', 'updated_at', 'last_accessed_at', 'metadata',
    'path_tokens', 'version', 'user_metadata'],
  'storage.buckets': ['id', 'name', 'owner', 'owner_id', 'created_at', 'updated_at', 'public', 'avif_autodetection',
    'file_size_limit', 'allowed_mime_types'],
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
  for (const objects of [schema.views, schema.functions, schema.triggers, schema.policies, schema.script]) {
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
