// Synthetic schema documents of N tables: ~10 columns, foreign keys, checks and 2–3 indexes
// each, one SQL block per table under its own heading, as people write them.

export function generateDocument(tables: number): { markdown: string; sql: string } {
  const parts: string[] = [`# Generated schema (${tables} tables)\n`, '## Tables\n'];
  const sqlParts: string[] = [];
  for (let i = 0; i < tables; i++) {
    const name = `table_${i}`;
    const parent = i > 0 ? `table_${Math.floor(i / 2)}` : undefined;
    const sql = `CREATE TABLE ${name} (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ${parent ? `parent_id uuid NOT NULL REFERENCES ${parent} (id) ON DELETE CASCADE` : 'parent_id uuid'},
    code varchar(32) NOT NULL,
    title text NOT NULL,
    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    tags text[] NOT NULL DEFAULT '{}',
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz,
    CONSTRAINT uq_${name}_code UNIQUE (code)
);

CREATE INDEX ix_${name}_parent_id ON ${name} (parent_id);
CREATE INDEX ix_${name}_created_at ON ${name} (created_at DESC);${i % 2 ? `\nCREATE INDEX ix_${name}_active ON ${name} (status) WHERE status = 'active';` : ''}`;
    sqlParts.push(sql);
    parts.push(`### ${name}\n\nStores the ${i}th kind of thing.\n\n\`\`\`sql\n${sql}\n\`\`\`\n`);
  }
  return { markdown: parts.join('\n'), sql: sqlParts.join('\n\n') };
}
