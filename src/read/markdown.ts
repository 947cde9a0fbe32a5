import MarkdownIt from 'markdown-it';

/** A fenced (or indented) code block of a document. */
export interface CodeBlock {
  /** The info string's first word, lower case (`sql`, `typescript`, `` for none). */
  lang: string;
  info: string;
  content: string;
  /** 1-based line of the block's first content line in the file. */
  line: number;
  /** Columns the block's lines are indented by in the file (a fence inside a list). */
  indent: number;
  /** Headings above the block, outermost first: `['# Doc', '## Core Tables', '### user']`. */
  headingPath: string[];
}

export interface MarkdownDocument {
  blocks: CodeBlock[];
}

const parser = new MarkdownIt({ html: true });

export function readMarkdown(text: string): MarkdownDocument {
  const tokens = parser.parse(text, {});
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  const headings: { level: number; text: string }[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const title = tokens[i + 1]?.content ?? '';
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, text: `${token.markup} ${title}` });
    } else if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      const info = token.info.trim();
      const firstLine = token.type === 'fence' ? token.map[0] + 1 : token.map[0];
      const sourceLine = lines[firstLine] ?? '';
      blocks.push({
        lang: (info.split(/\s+/)[0] ?? '').toLowerCase(),
        info,
        content: token.content,
        line: firstLine + 1,
        indent: token.type === 'fence' ? leadingSpaces(lines[token.map[0]] ?? '') : leadingSpaces(sourceLine),
        headingPath: headings.map((h) => h.text),
      });
    }
  }
  return { blocks };
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}
