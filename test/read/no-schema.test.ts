// A document schemadoc finds no schema in is told what is missing, where the document shows it.
import { describe, expect, it } from 'vitest';
import { compile, sqlDoc } from '../helpers/documents.js';

describe('what is missing', () => {
  it('an index of tables described in other files names them', async () => {
    const { diagnostics } = await compile('# app\n\n| Name | Columns | Comment | Type |\n|---|---|---|---|\n| [users](users.md) | 6 | | BASE TABLE |\n| [posts](posts.md) | 4 | | BASE TABLE |\n');
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "SD100 no schema found: the document lists tables described in other files (users.md, posts.md); check them together with it (a quoted glob: 'docs/*.md')",
    ]);
  });

  it('SQL with parts left out is a sketch: said at the "...", left out, the rest read', async () => {
    const { schema, diagnostics } = await compile(sqlDoc('CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT SUM(CASE WHEN ... THEN 1 ELSE 0 END) FROM t;'));
    expect(schema.tables.map((t) => t.name)).toEqual(['t']);
    expect(schema.views).toEqual([]);
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.span!.line}:${d.span!.column} ${d.message}`)).toEqual([
      'SD102 warning 5:39 a sketch, not SQL: the statement leaves parts out ("..." where SQL should be); it is left out of the schema',
    ]);
  });

  it('MongoDB collections are no relational schema: each collection left out once, and SD100 says so', async () => {
    const { schema, diagnostics } = await compile('# Shop\n\nDatabase engine: MongoDB.\n\n### `order`\n\n| Field | Type | Notes |\n|---|---|---|\n| `_id` | ObjectId | generated |\n| `total` | Number | |\n');
    expect(schema.tables).toEqual([]);
    expect(diagnostics.map((d) => `${d.code} ${d.span!.line} ${d.message}`)).toEqual([
      'SD128 9 order is a MongoDB collection (its _id is an ObjectId), not a table: left out',
      'SD100 1 no schema found: the document describes MongoDB collections, not a relational schema (schemadoc reads PostgreSQL tables: SQL, tables of columns with their types, diagrams)',
    ]);
  });

  it('a document of prose only says so', async () => {
    const { diagnostics } = await compile('# Schema\n\nThe `recipes` table stores recipes; `batches` reference them.\n\n![Recipes](diagrams/recipes.png)\n\n- **`logs`** hold events.\n');
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'SD100 no schema found: the document describes its tables in prose only (and images), with no SQL, table of columns, field list or diagram to read their columns from',
    ]);
  });
});
