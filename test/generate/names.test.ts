// Generated TypeScript speaks the application's language: the property names of the
// document's ORM code and the descriptions of its column tables.
import { afterAll, describe, expect, it } from 'vitest';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { compileDocuments } from '../../src/compile.js';
import { canonicalSchema } from '../../src/diff/canonical.js';
import { generateCode } from '../../src/generate/typescript/generate.js';
import { DEFAULT_CODE_OPTIONS } from '../../src/generate/typescript/options.js';
import { typeCheck } from '../helpers/typecheck.js';

afterAll(closeScratchDatabases);

const DOC = `# Accounts

## users

Everyone who has signed up, whether or not they ever bought.

| Column | Type | Constraints | Description |
|---|---|---|---|
| id | uuid | PK | Stable identifier of the account |
| first_name | text | NOT NULL | As the person writes it |
| signed_up_at | timestamptz | NOT NULL | — |
| settings | jsonb | | |

\`\`\`typescript
@Entity('users')
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'first_name' })
  firstName: string;

  @Column({ name: 'signed_up_at', type: 'timestamptz' })
  joined: Date;

  @Column('jsonb', { nullable: true })
  settings: UserSettings;
}
\`\`\`
`;

async function canonical() {
  const { schema } = await compileDocuments([{ file: 'accounts.md', text: DOC }]);
  const read = await canonicalSchema(schema, new Map([['accounts.md', DOC]]));
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return read.schema;
}

describe("the application's names and the document's descriptions", () => {
  it('--casing camel takes the ORM property names, else camelCase; snake keeps the columns', async () => {
    const schema = await canonical();
    const camel = generateCode('types', schema, { ...DEFAULT_CODE_OPTIONS, casing: 'camel' });
    expect(camel).toMatch(/interface UsersRow \{[^}]*firstName: string;[^}]*joined: Date;/);
    const zod = generateCode('zod', schema, { ...DEFAULT_CODE_OPTIONS, casing: 'camel' });
    expect(zod).toContain('  firstName: z.string(),');
    const drizzle = generateCode('drizzle', schema, { ...DEFAULT_CODE_OPTIONS, casing: 'camel' });
    expect(drizzle).toContain("  firstName: text('first_name').notNull(),");
    expect(drizzle).toContain("  joined: timestamp('signed_up_at', { withTimezone: true, mode: 'date' }).notNull(),");
    const snake = generateCode('types', schema, DEFAULT_CODE_OPTIONS);
    expect(snake).toMatch(/interface UsersRow \{[^}]*first_name: string;[^}]*signed_up_at: Date;/);
  });

  it("a column table's descriptions are the JSDoc of their columns, the paragraph under the table's heading its own", async () => {
    const types = generateCode('types', await canonical(), DEFAULT_CODE_OPTIONS);
    expect(types).toContain('/** Everyone who has signed up, whether or not they ever bought. */\nexport interface UsersRow {');
    expect(types).toContain('  /** Stable identifier of the account */\n  id: string;');
    expect(types).toContain('  /** As the person writes it */\n  first_name: string;');
    expect(types).not.toContain('/** — */');
  });

  it("a json column takes the type the document's code names, from the module --json-types names", async () => {
    const schema = await canonical();
    expect(generateCode('types', schema, DEFAULT_CODE_OPTIONS)).toContain('  settings: Json | null;');
    const options = { ...DEFAULT_CODE_OPTIONS, jsonTypes: './settings.js' };
    const types = generateCode('types', schema, options);
    expect(types).toContain("import type { UserSettings } from \"./settings.js\";");
    expect(types).toContain('  settings: UserSettings | null;');
    const kysely = generateCode('kysely', schema, options);
    expect(kysely).toContain('  settings: UserSettings | null;');
    const settings = 'export interface UserSettings { theme: "dark" | "light" }\n';
    expect(typeCheck({ 'settings.ts': settings, 'types.ts': types, 'kysely.ts': kysely })).toEqual([]);
  });
});
