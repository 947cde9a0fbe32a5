// Facts stated in prose: function signatures without bodies, "RLS is enabled on all
// tables", and placeholders left from a template.
import { keywordKindOf } from '@pgsql/quotes';
import type { Diagnostic } from '../schema/diagnostic.js';
import type { Span } from '../schema/model.js';
import type { Fragment } from './fragment.js';
import type { Located } from './markdown.js';

const SIGNATURE = /^\s*(`?)([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)?)\s*\(([^()]*)\)\1\s*(?:$|[-–—:]\s)/u;

/**
 * `public.get_user_tier()` as a heading, or in code marks at the start of a list item: a
 * function described, not defined. (`UNIQUE (a, b)` is a constraint, not a function.)
 */
export function readSignature(text: string, span: Span, inList = false): Fragment | undefined {
  const found = SIGNATURE.exec(text.replace(/^#+\s*/, ''));
  if (!found || (inList && !found[1]) || keywordKindOf(found[2]!.toLowerCase()) !== 'NO_KEYWORD') return undefined;
  if (/\bindex\b/i.test(text.slice(found[0].length))) return undefined;
  // Without code marks, `users (core)` is a title: a signature has no space before its
  // parenthesis, and its parameters are empty or each a name and a type.
  const parameters = found[3]!.split(',').map((p) => p.trim());
  if (!found[1] && (/\s\($/.test(found[0].slice(0, found[0].indexOf('(') + 1)) || !(found[3]!.trim() === '' || parameters.every((p) => /\S\s+\S/.test(p))))) {
    return undefined;
  }
  const m = [found[0], found[2], found[3]];
  const parts = m[1]!.split('.');
  const name = parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! };
  return { kind: 'declared-function', function: { ...name, signature: `${m[1]}(${m[2]!.trim()})`, spans: [span] } };
}

export function saysRlsOnAllTables(text: string): boolean {
  return /\b(rls|row[- ]level security)\b/i.test(text) && /\ball (the )?tables\b/i.test(text) && /\benabled?\b/i.test(text);
}

// Not `[[wiki links]]`, `[text](links)`, `[text][refs]`, `[ref]: definitions`, SQL Server's `[dbo].[name]`
// or a subscript (`LENGTH_BY_PRICE[ticket_price]`).
const BRACKETED = /(?<!\[|\]\.|[\p{L}\p{N}_])\[([^[\]\n]{1,80})\](?![([:\]]|\.\[)/gu;
const CURLY = /\{([a-z_][a-z0-9_ ]{0,40})\}/gi;
const YOURS = /\byour[-_][a-z0-9][\w-]*/gi;

/** Template text such as `[Add your tables here]`, `[related_table]`, `{date}`, `your-project-ref`. */
export function findPlaceholders(text: Located, file: string, source: Span['source'], inCode = false): Diagnostic[] {
  const found: { at: number; value: string }[] = [];
  // In code, brackets and braces are syntax: only `your-…` values are placeholders there.
  // (The cheap `includes` tests spare most texts the regular expressions.)
  for (const m of inCode || !text.text.includes('[') ? [] : text.text.matchAll(BRACKETED)) {
    const inner = m[1]!.trim();
    // A placeholder names something in words: not `[x]`, `[^1]`, `[a-z0-9_]` or `[L, U]`.
    // Wiki links (`[[#Section|Title]]`) and anchors are links, not placeholders.
    if (/^(x|\^|!|\d|'|"|#)/i.test(inner) || inner.includes('|') || !/\p{L}{3}/u.test(inner)) continue;
    found.push({ at: m.index!, value: m[0] });
  }
  if (!inCode && text.text.includes('{')) {
    const outsideCode = text.text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const m of outsideCode.matchAll(CURLY)) found.push({ at: m.index!, value: m[0] });
  }
  for (const m of text.text.matchAll(YOURS)) found.push({ at: m.index!, value: m[0] });
  return found.map(({ at, value }) => {
    const before = text.text.slice(0, at);
    const line = text.line + (before.match(/\n/g)?.length ?? 0);
    const column = before.includes('\n') ? at - before.lastIndexOf('\n') : text.column + at;
    return {
      code: 'SD130', severity: 'warning' as const, span: { file, line, column, source }, cause: 'template',
      message: `placeholder left from a template: ${value}`,
    };
  });
}
