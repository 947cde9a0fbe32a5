// A local stand-in for the parts of Supabase a document uses (schema auth, auth.users,
// auth.uid() …, the anon/authenticated/service_role roles, storage.objects), so that a
// document written for Supabase applies to plain PostgreSQL and PGlite, and its row-level
// security can be tried there. The functions read the JWT claims the way Supabase does,
// from the `request.jwt.claims` setting.
import type { Database } from './database.js';
import type { DdlStatement } from './emit.js';

const ROLES = ['anon', 'authenticated', 'service_role'];

const BEFORE = `CREATE SCHEMA IF NOT EXISTS auth;
CREATE TABLE IF NOT EXISTS auth.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text,
  phone text,
  raw_user_meta_data jsonb DEFAULT '{}'::jsonb,
  raw_app_meta_data jsonb DEFAULT '{}'::jsonb,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
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
  id text PRIMARY KEY, name text NOT NULL, public boolean DEFAULT false, owner uuid,
  created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now()
);
CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), bucket_id text REFERENCES storage.buckets (id), name text,
  owner uuid, metadata jsonb, created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now()
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
GRANT USAGE ON SCHEMA public, auth, storage TO ${ROLES.join(', ')};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA auth, storage TO ${ROLES.join(', ')};
GRANT ALL ON ALL TABLES IN SCHEMA storage TO ${ROLES.join(', ')};`;

// Supabase grants the API roles access to what the project creates; row-level security decides the rest.
const AFTER = `GRANT ALL ON ALL TABLES IN SCHEMA public TO ${ROLES.join(', ')};
GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${ROLES.join(', ')};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${ROLES.join(', ')};`;

const PROVIDES = ['schema:auth', 'schema:storage', 'relation:auth.users', 'relation:storage.objects', 'relation:storage.buckets',
  'function:auth.uid', 'function:auth.role', 'function:auth.jwt', 'function:auth.email', 'function:storage.foldername',
  'function:storage.filename', 'function:storage.extension'];

/** Whether the database already is a Supabase database (or has the stand-in). */
export async function hasSupabase(db: Database): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(`SELECT to_regprocedure('auth.uid()') IS NOT NULL AS present`);
  return Boolean(row?.present);
}

/** The stand-in around a document's statements: created first, grants last. */
export function withSupabaseStandIn(statements: DdlStatement[]): DdlStatement[] {
  const standIn = (sql: string, name: string, rank: number): DdlStatement => ({
    sql, kind: 'statement', name, spans: [], rank, provides: rank < 0 ? PROVIDES : [], requires: [],
  });
  return [standIn(BEFORE, 'Supabase stand-in', -1), ...statements, standIn(AFTER, 'Supabase grants', 99)];
}
