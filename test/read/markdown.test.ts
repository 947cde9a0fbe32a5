import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/read/markdown.js';
import { readSeed } from '../helpers/documents.js';

describe('markdown reader', () => {
  it('finds fenced blocks with their info string, first content line and heading path', () => {
    const doc = [
      '# Shop',            // 1
      '',                  // 2
      '## Core Tables',    // 3
      '',                  // 4
      '### user',          // 5
      '',                  // 6
      '```SQL title="x"',  // 7
      'CREATE TABLE a ();',// 8
      '```',               // 9
      '',                  // 10
      '## Views',          // 11
      '',                  // 12
      '```',               // 13
      'plain',             // 14
      '```',               // 15
    ].join('\n');
    const { blocks } = readMarkdown(doc);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({
      lang: 'sql', info: 'SQL title="x"', content: 'CREATE TABLE a ();\n', line: 8, indent: 0,
      headingPath: ['# Shop', '## Core Tables', '### user'],
    });
    expect(blocks[1]).toMatchObject({ lang: '', line: 14, headingPath: ['# Shop', '## Views'] });
  });

  it('keeps the indentation of a fence inside a list item', () => {
    const { blocks } = readMarkdown('- item\n\n  ```sql\n  SELECT 1;\n  ```\n');
    expect(blocks[0]).toMatchObject({ content: 'SELECT 1;\n', line: 4, indent: 2 });
  });

  it('does not take a fence inside a longer fence for a block', () => {
    const { blocks } = readMarkdown('````md\n```sql\nSELECT 1;\n```\n````\n');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.lang).toBe('md');
  });

  it('reads every SQL block of seed 000 at its line', () => {
    const text = readSeed('000');
    const sqlBlocks = readMarkdown(text).blocks.filter((b) => b.lang === 'sql');
    expect(sqlBlocks).toHaveLength(24);
    const lines = text.split('\n');
    for (const block of sqlBlocks) {
      expect(lines[block.line - 2]).toBe('```sql');
      expect(lines[block.line - 1]).toBe(block.content.split('\n')[0]);
    }
  });
});
