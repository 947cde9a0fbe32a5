// A table of columns recognised by its cells: whatever its header says, in any language.
import { describe, expect, it } from 'vitest';
import { emitSql } from '../../src/pg/emit.js';
import { compile } from '../helpers/documents.js';

const table = (heading: string, header: string, rows: string[], after = '') =>
  `# Doc\n\n${heading}\n\n${header}\n|${header.split('|').slice(1, -1).map(() => '---').join('|')}|\n${rows.join('\n')}\n${after}`;
const columnsOf = async (text: string) => {
  const { schema, diagnostics } = await compile(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return schema.tables.map((t) => `${t.name}: ${t.columns.map((c) => `${c.name} ${c.type.sql}${c.notNull ? ' NOT NULL' : ''}${c.default ? ` DEFAULT ${c.default}` : ''}${c.identity ? ' IDENTITY' : ''}`).join(', ')}`);
};

describe('column tables recognised by their cells', () => {
  it('Turkish: Alan | Tür | Açıklama', async () => {
    expect(await columnsOf(table('### kullanici', '| Alan | Tür | Açıklama |', [
      '| id | bigint | Birincil anahtar (PK) |', '| eposta | varchar(255) | E-posta adresi |', '| olusturma | timestamptz | Oluşturma zamanı |',
    ]))).toEqual(['kullanici: id bigint NOT NULL, eposta varchar(255), olusturma timestamptz']);
  });

  it('Vietnamese: Trường | Kiểu dữ liệu | Mô tả', async () => {
    expect(await columnsOf(table('### san_pham', '| Trường | Kiểu dữ liệu | Mô tả |', [
      '| `ma` | UUID | Khóa chính |', '| `ten` | TEXT | Tên sản phẩm |', '| `gia` | NUMERIC(10,2) | Giá |',
    ]))).toEqual(['san_pham: ma uuid, ten text, gia numeric(10, 2)']);
  });

  it('Traditional Chinese: 欄位名 | 類型 | 允許空值 | 默認值 | 描述, under a `Users 表` heading', async () => {
    const text = table('### Users 表', '| 欄位名 | 類型 | 允許空值 | 默認值 | 描述 |', [
      '| id | INTEGER | 否 | AUTO_INCREMENT | 主鍵 |', '| username | VARCHAR(255) | 否 | | 用戶名 |', '| phone | VARCHAR(255) | 是 | NULL | 電話號碼 |',
      "| avatar | VARCHAR(255) | 是 | '/a.png' | 頭像 |",
    ], '\n**索引**：\n\n- PRIMARY KEY (`id`)\n- UNIQUE INDEX (`username`)\n');
    expect(await columnsOf(text)).toEqual(["users: id int NOT NULL IDENTITY, username varchar(255) NOT NULL, phone varchar(255), avatar varchar(255) DEFAULT '/a.png'"]);
    const sql = emitSql((await compile(text)).schema);
    expect(sql).toContain('PRIMARY KEY (id)');
    expect(sql).toContain('CREATE UNIQUE INDEX ON users (username);');
  });

  it('German and Polish: Attribut | Datentyp, Kolumna | Typ danych | Opis', async () => {
    expect(await columnsOf(table('### kunde', '| Attribut | Datentyp | Beschreibung |', ['| kunden_nr | integer | Nummer |', '| name | text | Name |'])))
      .toEqual(['kunde: kunden_nr int, name text']);
    expect(await columnsOf(table('### klient', '| Kolumna | Typ danych | Opis |', ['| id | serial | Klucz |', '| imie | character varying(40) | Imię |'])))
      .toEqual(['klient: id serial, imie varchar(40)']);
  });

  it('an index list in prose names mixed-case columns as the column table wrote them', async () => {
    const text = table('### books', '| Campo | Tipo |', ['| id | integer |', '| userId | integer |'], '\n**Indexes**:\n\n- INDEX (`userId`)\n');
    const { schema, diagnostics } = await compile(text);
    expect(diagnostics).toEqual([]);
    expect(schema.indexes[0]!.keys).toEqual([{ column: 'userId' }]);
  });

  it('leaves alone tables whose cells are not types', async () => {
    expect((await compile(table('### commands', '| Befehl | Zweck |', ['| check | finds defects |', '| apply | creates the schema |']))).schema.tables).toEqual([]);
    expect((await compile(table('### people', '| Nom | Rôle |', ['| alice | admin |', '| bob | user |']))).schema.tables).toEqual([]);
  });
});
