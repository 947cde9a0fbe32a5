import { describe, expect, it } from 'vitest';
import { compile } from '../helpers/documents.js';

async function conventionsOf(lines: string[]) {
  const text = `# Doc\n\n## Conventions\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\n\`\`\`sql\nCREATE TABLE a (id int PRIMARY KEY);\n\`\`\`\n`;
  return (await compile(text)).schema.conventions.map((c) => `${c.spans[0]!.line} ${c.setting}=${c.value}`);
}

describe('declared conventions', () => {
  it('reads the common forms of naming and type rules, with the line that states each', async () => {
    expect(await conventionsOf([
      'Tables use snake_case, singular form (e.g., `user`, not `users`)',
      'Table names are plural',
      'Primary keys are named `id`',
      'Foreign keys follow the pattern `{table_name}_id`',
      'Foreign key constraints are named `fk_<table>_<column>`',
      'Indexes follow the pattern `ix_{table}_{column(s)}`',
      'Unique constraints follow the pattern `uq_{table}_{column(s)}`',
      'UUIDs are used for primary keys',
      'Text is used for variable-length strings (preferred over VARCHAR)',
      'Timestamps include timezone information (timestamptz)',
      'Always use indexes for foreign keys',
      'Enums are stored as lowercase string values',
      'Columns use snake_case',
    ])).toEqual([
      '5 tableCase=snake_case', '5 tableNumber=singular', '6 tableNumber=plural', '7 primaryKeyColumn=id',
      '8 foreignKeyColumn={table}_id', '9 foreignKeyName=fk_{table}_{columns}', '10 indexName=ix_{table}_{columns}',
      '11 uniqueName=uq_{table}_{columns}', '12 primaryKeyType=uuid', '13 textOverVarchar=true', '14 timestampsWithTimeZone=true',
      '15 indexForeignKeys=true', '16 enumValuesLowerCase=true', '17 columnCase=snake_case',
    ]);
  });

  it('reads the conventions that turn style rules on', async () => {
    expect(await conventionsOf([
      'Surrogate keys use identity columns, not serial',
      'Every foreign key specifies its ON DELETE behaviour',
      '**Time Zone**: UTC',
      'All timestamps are stored in UTC',
      'Text is used for variable-length strings',
    ])).toEqual(['5 identityColumns=true', '6 explicitOnDelete=true', '7 timestampsWithTimeZone=true', '8 timestampsWithTimeZone=true', '9 textOverVarchar=true']);
  });

  it('leaves alone sentences that describe one column or say something else', async () => {
    expect(await conventionsOf([
      '`id`: UUID primary key (auto-generated)',
      'Junction tables follow the pattern `{table1}_{table2}`',
      'Foreign keys have appropriate ON DELETE actions',
      'Timestamps are stored without time zone',
      'The users table stores accounts',
      'Full backup daily at 02:00 UTC',
      'Identity columns are not used',
    ])).toEqual([]);
  });
});
