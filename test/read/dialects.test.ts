// MySQL and SQL Server constructs a document's SQL uses, read as the PostgreSQL they mean: the
// translation is applied to a real PGlite and what PostgreSQL built is what is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStatements } from '../../src/pg/apply.js';
import { openDatabase, type Database } from '../../src/pg/database.js';
import { emitStatements } from '../../src/pg/emit.js';
import { compile, sqlDoc } from '../helpers/documents.js';

const MYSQL = `CREATE TABLE \`orders\` (
  \`id\` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  \`status\` ENUM('new','paid','shipped') NOT NULL DEFAULT 'new',
  \`flags\` SET('gift','express') DEFAULT NULL,
  \`title\` VARCHAR(200) NOT NULL,
  \`body\` TEXT,
  \`qty\` SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  \`updated_at\` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (\`id\`),
  FULLTEXT KEY \`ft_words\` (\`title\`, \`body\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

DELIMITER $$
CREATE TRIGGER orders_check BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  IF NEW.qty > 100 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'too many';
  END IF;
END$$
DELIMITER ;

CREATE TABLE \`notes\` (\`id\` INT PRIMARY KEY, \`order_id\` INT UNSIGNED REFERENCES orders (id));`;

const SQL_SERVER = `CREATE TABLE [dbo].[Loads]
(
[Id] [bigint] NOT NULL IDENTITY(1, 1),
[Shift] [varchar] (100) COLLATE SQL_Latin1_General_CP1_CI_AS NULL,
[Notes] [varchar] (max) NULL,
[CreatedAt] [datetime] NULL
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
GO
ALTER TABLE [dbo].[Loads] ADD CONSTRAINT [PK_Loads] PRIMARY KEY CLUSTERED ([Id] ASC) WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF) ON [PRIMARY]
GO
CREATE NONCLUSTERED INDEX [IX_Loads_Shift] ON [dbo].[Loads] ([Shift])
GO`;

describe('MySQL syntax, applied in PGlite', () => {
  let db: Database;
  let diagnostics: { code: string; severity: string; line: number; message: string; fix?: string }[];
  beforeAll(async () => {
    const compiled = await compile(sqlDoc(MYSQL));
    diagnostics = compiled.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.span!.line, message: d.message, fix: d.fix }));
    db = await openDatabase({ dataDir: 'memory://' });
    const outcome = await applyStatements(db, emitStatements(compiled.schema));
    expect(outcome.diagnostics).toEqual([]);
  });
  afterAll(() => db?.close());

  it('reports each construct once at its line, an info where PostgreSQL means the same, the DELIMITER block left out (a warning) with the routine it holds', () => {
    expect(diagnostics.every((d) => d.code === 'SD104')).toBe(true);
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.line)).toEqual([16]);
    const at = (text: string) => diagnostics.find((d) => d.message.includes(text));
    expect(at("ENUM('new','paid','shipped')")).toMatchObject({ line: 6, fix: "an enum type of its own: CREATE TYPE orders_status AS ENUM ('new', 'paid', 'shipped')" });
    expect(at("SET('gift','express')")?.line).toBe(7);
    expect(at('UNSIGNED')).toMatchObject({ line: 5, fix: 'nothing (an identity is numbered from 1)' });
    expect(at('ON UPDATE CURRENT_TIMESTAMP')).toMatchObject({ line: 11 });
    expect(at('ON UPDATE CURRENT_TIMESTAMP')!.fix).toMatch(/^CREATE FUNCTION orders_updated_at_on_update\(\)/);
    expect(at('FULLTEXT KEY ft_words')?.line).toBe(13);
    expect(at('DELIMITER')).toMatchObject({ line: 16, message: expect.stringContaining('(trigger orders_check)') });
  });

  it('an inline ENUM is an enum type with its values in order', async () => {
    const rows = await db.query<{ value: string }>(`SELECT e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'orders_status' ORDER BY e.enumsortorder`);
    expect(rows.map((r) => r.value)).toEqual(['new', 'paid', 'shipped']);
    const [column] = await db.query<{ type: string }>(`SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'status'`);
    expect(column!.type).toBe('orders_status');
  });

  it('SET takes only its values, UNSIGNED refuses negatives, FULLTEXT is a GIN index', async () => {
    await db.exec(`INSERT INTO orders (title, flags) VALUES ('a', ARRAY['gift'])`);
    await expect(db.exec(`INSERT INTO orders (title, flags) VALUES ('b', ARRAY['cheap'])`)).rejects.toThrow(/check constraint/);
    await expect(db.exec(`INSERT INTO orders (title, qty) VALUES ('c', -1)`)).rejects.toThrow(/check constraint/);
    await expect(db.exec(`INSERT INTO notes (id, order_id) VALUES (1, -1)`)).rejects.toThrow(/check constraint|foreign key/);
    const [index] = await db.query<{ def: string }>(`SELECT pg_get_indexdef('ft_words'::regclass) AS def`);
    expect(index!.def).toContain('USING gin (to_tsvector(');
  });

  it('ON UPDATE CURRENT_TIMESTAMP is a trigger that sets the column when a row changes, unless the update sets it', async () => {
    await db.exec(`UPDATE orders SET updated_at = '2000-01-01' WHERE title = 'a'`);
    const year = async () => (await db.query<{ y: number }>(`SELECT extract(year FROM updated_at)::int AS y FROM orders WHERE title = 'a'`))[0]!.y;
    expect(await year()).toBe(2000);
    await db.exec(`UPDATE orders SET qty = 2 WHERE title = 'a'`);
    expect(await year()).toBeGreaterThan(2000);
  });
});

describe('SQL Server syntax, applied in PGlite', () => {
  it('reads GO batches, bracketed types, ON [PRIMARY], CLUSTERED, index options, COLLATE and VARCHAR(MAX)', async () => {
    const { schema, diagnostics } = await compile(sqlDoc(SQL_SERVER));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const loads = schema.tables[0]!;
    expect(loads.name).toBe('loads');
    expect(loads.columns.map((c) => `${c.name} ${c.type.sql}`)).toEqual(['id bigint', 'shift varchar(100)', 'notes text', 'createdat timestamp']);
    const fixes = new Set(diagnostics.map((d) => d.message.split(' is ')[0]));
    for (const construct of ['GO', 'ON [PRIMARY]', 'CLUSTERED', 'NONCLUSTERED', 'WITH (PAD_INDEX = …)', "ASC in a key's columns", 'COLLATE SQL_Latin1_General_CP1_CI_AS', 'VARCHAR(MAX)']) {
      expect(fixes).toContain(construct);
    }
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      expect((await applyStatements(db, emitStatements(schema))).diagnostics).toEqual([]);
      const [key] = await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'pk_loads'`);
      expect(key!.def).toBe('PRIMARY KEY (id)');
      const [index] = await db.query<{ def: string }>(`SELECT pg_get_indexdef('ix_loads_shift'::regclass) AS def`);
      expect(index!.def).toBe('CREATE INDEX ix_loads_shift ON public.loads USING btree (shift)');
    } finally {
      await db.close();
    }
  });
});

/** What PostgreSQL built for a table: `column type` with its checks. */
async function built(markdown: string, table: string) {
  const { schema, diagnostics } = await compile(markdown);
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    expect((await applyStatements(db, emitStatements(schema))).diagnostics).toEqual([]);
    const columns = await db.query<{ c: string }>(`SELECT attname || ' ' || format_type(atttypid, atttypmod) || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS c
      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE attrelid = '${table}'::regclass AND attnum > 0 ORDER BY attnum`);
    const checks = await db.query<{ c: string }>(`SELECT pg_get_constraintdef(oid) AS c FROM pg_constraint WHERE conrelid = '${table}'::regclass AND contype = 'c'`);
    return { diagnostics, columns: columns.map((r) => r.c), checks: checks.map((r) => r.c) };
  } finally {
    await db.close();
  }
}

describe('MySQL types in SQL that PostgreSQL parses, and in a table of columns', () => {
  it('a statement that parses but names tinyint, datetime, mediumtext is read as smallint, timestamp, text; a table named image and bit(3) are left alone', async () => {
    const { diagnostics, columns } = await built(sqlDoc(`CREATE TABLE image (id int PRIMARY KEY, blob text);
CREATE TABLE post (id int PRIMARY KEY, image_id int REFERENCES image (id), kind tinyint(4), made datetime, body mediumtext, flags bit(3));`), 'post');
    expect(columns).toEqual(['id integer', 'image_id integer', 'kind smallint', 'made timestamp without time zone', 'body text', 'flags bit(3)']);
    expect(diagnostics.filter((d) => d.code === 'SD104').map((d) => `${d.span!.line}:${d.span!.column} ${d.fix}`)).toEqual([
      '5:81 smallint', '5:98 timestamp', '5:113 text',
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a table of columns of a MySQL database (a tbls page): display widths, UNSIGNED and current_timestamp() at their cells', async () => {
    const { diagnostics, columns, checks } = await built(`# items

| Name | Type | Default | Nullable |
| ---- | ---- | ------- | -------- |
| id | int(11) |  | false |
| kind | tinyint(4) | 0 | false |
| total | bigint(20) unsigned |  | true |
| made_at | datetime | current_timestamp() | false |
`, 'items');
    expect(columns).toEqual(['id integer', 'kind smallint DEFAULT 0', 'total bigint', 'made_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP']);
    expect(checks).toEqual(['CHECK ((total >= 0))']);
    expect(diagnostics.filter((d) => d.code === 'SD104').map((d) => `${d.span!.line}:${d.span!.column} ${d.fix}`)).toEqual([
      '5:8 int', '6:10 smallint', '7:11 bigint', '7:11 CHECK (total >= 0)', '8:24 CURRENT_TIMESTAMP (without parentheses) or now()',
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('SQLite booleans', () => {
  it('an INTEGER the comment calls a boolean is boolean, its 0/1 default false/true and its CHECK (x IN (0, 1)) gone; other integers stay', async () => {
    const { diagnostics, columns, checks } = await built(sqlDoc(`CREATE TABLE account (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  is_admin INTEGER NOT NULL DEFAULT 0, -- Boolean: 0 = false, 1 = true
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), -- bool
  score INTEGER DEFAULT 0 -- points
) STRICT;`), 'account');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.cause === 'boolean').map((d) => d.span!.line)).toEqual([6]);
    expect(columns).toEqual(['id integer', 'is_admin boolean DEFAULT false', 'active boolean DEFAULT true', 'score integer DEFAULT 0']);
    expect(checks).toEqual([]);
  });
});

describe('order of definition', () => {
  it('a foreign key to a table defined later in the document is no error, in MySQL or SQL Server', async () => {
    const { schema, diagnostics } = await compile(sqlDoc(`CREATE TABLE \`child\` (\`id\` INT PRIMARY KEY, \`parent_id\` INT, FOREIGN KEY (\`parent_id\`) REFERENCES \`parent\` (\`id\`)) ENGINE=InnoDB;
CREATE TABLE \`parent\` (\`id\` INT PRIMARY KEY);
CREATE TABLE [dbo].[Kid] ([Id] [int] NOT NULL PRIMARY KEY, [MomId] [int] REFERENCES [dbo].[Mom] ([Id]))
GO
CREATE TABLE [dbo].[Mom] ([Id] [int] NOT NULL PRIMARY KEY)
GO`));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      expect((await applyStatements(db, emitStatements(schema))).diagnostics).toEqual([]);
      const keys = await db.query<{ d: string }>(`SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE contype = 'f' ORDER BY 1`);
      expect(keys.map((k) => k.d)).toEqual(['child FOREIGN KEY (parent_id) REFERENCES parent(id)', 'kid FOREIGN KEY (momid) REFERENCES mom(id)']);
    } finally {
      await db.close();
    }
  });
});
