// Links to other Markdown pages (`[users](users.md)` in a tbls Parents cell, an index of tables,
// prose): a table the page refers to but does not describe may be described on the page it
// links to, which is what a reader checking this page alone needs to be told.
import type { Fragment } from './fragment.js';
import type { Located, MarkdownElement } from './markdown.js';

const LINK = /\[([^\]\n]+)\]\(([^)\s]+\.md)(?:#[^)\s]*)?\)/g;

export function readPageLinks(elements: MarkdownElement[], file: string): Fragment[] {
  const fragments: Fragment[] = [];
  const scan = (at: Located) => {
    if (!at.text.includes('.md')) return;
    for (const m of at.text.matchAll(LINK)) {
      if (/^[a-z]+:/i.test(m[2]!)) continue;
      fragments.push({ kind: 'page-link', link: { text: m[1]!.replace(/[`*]/g, ''), page: m[2]!, span: { file, line: at.line, column: at.column + m.index!, source: 'prose' } } });
    }
  };
  for (const element of elements) {
    if (element.kind === 'table') for (const row of element.rows) row.forEach(scan);
    else if (element.kind === 'list') element.items.forEach(scan);
    else if (element.kind === 'paragraph') scan(element);
  }
  return fragments;
}
