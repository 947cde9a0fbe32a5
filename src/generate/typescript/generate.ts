// One TypeScript file from the schema, by target.
import type { Schema } from '../../schema/model.js';
import { drizzleFile } from './drizzle.js';
import { kyselyFile } from './kysely.js';
import type { CodeOptions } from './options.js';
import { typesFile } from './types.js';
import { zodFile } from './zod.js';

export const TARGETS = {
  types: 'Row, Insert and Update types for every table, Row types for views, enums as unions',
  kysely: 'the Database interface for new Kysely<Database>(), as kysely-codegen writes it',
  zod: 'Zod insert and update schemas with the constraints the schema states',
  drizzle: 'drizzle-orm pgTable, pgEnum, pgView and pgPolicy definitions, for drizzle-kit',
} as const;

export type Target = keyof typeof TARGETS;

export function generateCode(target: Target, schema: Schema, options: CodeOptions): string {
  switch (target) {
    case 'types': return typesFile(schema, options);
    case 'kysely': return kyselyFile(schema, options);
    case 'zod': return zodFile(schema, options);
    case 'drizzle': return drizzleFile(schema, options);
  }
}
