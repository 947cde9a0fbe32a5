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
