// A local stand-in for the parts of Supabase a document uses (schema auth, auth.users,
// auth.uid() …, the anon/authenticated/service_role roles, storage.objects), so that a
// document written for Supabase applies to plain PostgreSQL and PGlite, and its row-level
// security can be tried there. The functions read the JWT claims the way Supabase does,
// from the `request.jwt.claims` setting.
import type { Database } from './database.js';
import type { DdlStatement } from './emit.js';
import type { Schema } from '../schema/model.js';
import { SUPABASE_FUNCTIONS, SUPABASE_TABLES, usesSupabase } from '../schema/supabase.js';

const ROLES = ['anon', 'authenticated', 'service_role'];

/**
 * Supabase grants its API roles what a project creates (and the stand-in does the same): those
 * privileges are the platform's, not the document's, and are left out of what is compared.
 */
export function withoutPlatformGrants(schema: Schema): void {
  schema.grants = schema.grants.filter((g) => !ROLES.includes(g.grantee));
}

/** Supabase's search_path, which documents written for it count on (`uuid_generate_v4()` is in extensions). */
export const SUPABASE_SEARCH_PATH = 'SET search_path TO "$user", public, extensions;';

// As Supabase has them: the columns of its auth and storage tables, and its extensions
// schema (on the search_path) holding pgcrypto and uuid-ossp.
const BEFORE = `CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA extensions;
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path TO "$user", public, extensions', current_database()); END $$;
${SUPABASE_SEARCH_PATH}
CREATE SCHEMA IF NOT EXISTS auth;
CREATE TABLE IF NOT EXISTS auth.users (
  instance_id uuid,
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb DEFAULT '{}'::jsonb,
  raw_user_meta_data jsonb DEFAULT '{}'::jsonb,
  is_super_admin boolean,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  phone text UNIQUE,
  phone_confirmed_at timestamptz,
  phone_change text DEFAULT '',
  phone_change_token varchar(255) DEFAULT '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
  email_change_token_current varchar(255) DEFAULT '',
  email_change_confirm_status smallint DEFAULT 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) DEFAULT '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean NOT NULL DEFAULT false,
  deleted_at timestamptz,
  is_anonymous boolean NOT NULL DEFAULT false
);
CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim', true), ''), nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;
CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''), auth.jwt() ->> 'sub')::uuid
$$;
CREATE OR REPLACE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), auth.jwt() ->> 'role')::text
$$;
CREATE OR REPLACE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.email', true), ''), auth.jwt() ->> 'email')::text
$$;
CREATE SCHEMA IF NOT EXISTS storage;
CREATE TABLE IF NOT EXISTS storage.buckets (
  id text PRIMARY KEY, name text NOT NULL, owner uuid, owner_id text, created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(), public boolean DEFAULT false, avif_autodetection boolean DEFAULT false,
  file_size_limit bigint, allowed_mime_types text[]
);
CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), bucket_id text REFERENCES storage.buckets (id), name text,
  owner uuid, owner_id text, created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now(),
  last_accessed_at timestamptz DEFAULT now(), metadata jsonb,
  path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED, version text, user_metadata jsonb
);
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1]
$$;
CREATE OR REPLACE FUNCTION storage.filename(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT (string_to_array(name, '/'))[array_length(string_to_array(name, '/'), 1)]
$$;
CREATE OR REPLACE FUNCTION storage.extension(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT reverse(split_part(reverse(storage.filename(name)), '.', 1))
$$;
${ROLES.map((role) => `DO $$ BEGIN CREATE ROLE ${role} NOLOGIN${role === 'service_role' ? ' BYPASSRLS' : ''}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`).join('\n')}
GRANT USAGE ON SCHEMA public, auth, storage, extensions TO ${ROLES.join(', ')};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA auth, storage TO ${ROLES.join(', ')};
GRANT ALL ON ALL TABLES IN SCHEMA storage TO ${ROLES.join(', ')};`;

// Supabase grants the API roles access to what the project creates; row-level security decides the rest.
const AFTER = `GRANT ALL ON ALL TABLES IN SCHEMA public TO ${ROLES.join(', ')};
GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${ROLES.join(', ')};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${ROLES.join(', ')};`;

const PROVIDES = ['schema:auth', 'schema:storage', 'schema:extensions', 'extension:pgcrypto', 'extension:uuid-ossp',
  ...Object.keys(SUPABASE_TABLES).map((t) => `relation:${t}`), ...SUPABASE_FUNCTIONS.map((f) => `function:${f}`)];

/** The extensions a schema's statements create, and those the Supabase stand-in does where the schema is written for Supabase. */
export function extensionsFor(schema: Schema): string[] {
  const names = schema.extensions.map((e) => e.name);
  return usesSupabase(schema) ? [...names, 'pgcrypto', 'uuid-ossp'] : names;
}

/** Whether the database already is a Supabase database (or has the stand-in). */
export async function hasSupabase(db: Database): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(`SELECT to_regprocedure('auth.uid()') IS NOT NULL AS present`);
  return Boolean(row?.present);
}

/** The schemas Supabase keeps for itself: a Supabase database's own, not its users' schema. */
export const SUPABASE_SCHEMAS = [
  'auth', 'storage', 'extensions', 'graphql', 'graphql_public', 'realtime', 'supabase_functions', 'supabase_migrations',
  'vault', 'pgsodium', 'pgsodium_masks', 'pgbouncer', 'net', 'cron',
];

/** The stand-in around a document's statements: created first, grants last. */
export function withSupabaseStandIn(statements: DdlStatement[]): DdlStatement[] {
  const standIn = (sql: string, name: string, provides: string[]): DdlStatement => ({
    sql, kind: 'statement', name, spans: [], provides, requires: [], origin: 'model',
  });
  return [standIn(BEFORE, 'Supabase stand-in', PROVIDES), ...statements, standIn(AFTER, 'Supabase grants', [])];
}
