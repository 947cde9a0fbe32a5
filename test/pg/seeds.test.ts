import { describe, expect, it } from 'vitest';
import { applyStatements } from '../../src/pg/apply.js';
import { emitStatements } from '../../src/pg/emit.js';
import { extensionsFor } from '../../src/pg/supabase.js';
import { compile, readSeed, seedPath } from '../helpers/documents.js';
import { openTarget, TARGETS } from '../helpers/databases.js';

for (const target of TARGETS) {
  describe.skipIf(!target.enabled)(`seeds written without SQL tables, on ${target.name}`, () => {
    it('seed 003: users, roles, user_roles with its composite primary key, sessions, audit_logs, and the trigger', async () => {
      const { schema } = await compile(readSeed('003'), seedPath('003'));
      const { db, dispose } = await openTarget(target.name, extensionsFor(schema));
      try {
        const outcome = await applyStatements(db, emitStatements(schema));
        expect(outcome.diagnostics).toEqual([]);
        const tables = await db.query<{ relname: string }>(`SELECT relname FROM pg_catalog.pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`);
        expect(tables.map((t) => t.relname)).toEqual(expect.arrayContaining(['users', 'roles', 'user_roles', 'sessions', 'audit_logs']));
        const [pk] = await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_catalog.pg_constraint WHERE conrelid = 'user_roles'::regclass AND contype = 'p'`);
        expect(pk!.def).toBe('PRIMARY KEY (user_id, role_id)');
        const fks = await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_catalog.pg_constraint WHERE conrelid = 'user_roles'::regclass AND contype = 'f' ORDER BY 1`);
        expect(fks.map((f) => f.def)).toEqual([
          'FOREIGN KEY (assigned_by) REFERENCES users(id)',
          'FOREIGN KEY (role_id) REFERENCES roles(id) ON DELETE CASCADE',
          'FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE',
        ]);
        const triggers = await db.query<{ tgname: string }>(`SELECT tgname FROM pg_catalog.pg_trigger WHERE tgrelid = 'users'::regclass AND NOT tgisinternal`);
        expect(triggers.map((t) => t.tgname)).toEqual(['update_users_updated_at']);
        const indexes = await db.query<{ indexname: string }>(`SELECT indexname FROM pg_catalog.pg_indexes WHERE indexname LIKE 'idx_%' ORDER BY 1`);
        expect(indexes.map((i) => i.indexname)).toEqual([
          'idx_audit_logs_created_at', 'idx_audit_logs_entity', 'idx_audit_logs_user_id', 'idx_sessions_expires_at',
          'idx_sessions_token_hash', 'idx_users_created_at', 'idx_users_email',
        ]);
      } finally {
        await dispose();
      }
    });

    it('seed 001: its users table and user_status enum', async () => {
      const { schema, diagnostics } = await compile(readSeed('001'), seedPath('001'));
      const { db, dispose } = await openTarget(target.name, extensionsFor(schema));
      try {
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const outcome = await applyStatements(db, emitStatements(schema));
        expect(outcome.created).toMatchObject({ table: 1, type: 1, index: 2 });
        const [type] = await db.query<{ labels: string }>(`SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) AS labels FROM pg_catalog.pg_enum WHERE enumtypid = 'user_status'::regtype`);
        expect(type!.labels).toBe('active,inactive,suspended,deleted');
      } finally {
        await dispose();
      }
    });
  });
}
