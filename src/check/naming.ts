// Word forms for the naming conventions: case and grammatical number of names.
import { singular } from '../schema/names.js';

const CASES: Record<string, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
};

export function hasCase(name: string, style: string): boolean {
  return CASES[style]?.test(name) ?? true;
}

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'data', 'media', 'criteria', 'indices', 'feet', 'mice']);

/** The last word of a snake_case or camelCase name. */
function lastWord(name: string): string {
  return (name.split(/_|(?=[A-Z])/).pop() ?? name).toLowerCase();
}

export function looksPlural(name: string): boolean {
  const word = lastWord(name);
  return IRREGULAR_PLURALS.has(word) || (word.length > 2 && singular(word) !== word);
}

export function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return name.replace(/y$/, 'ies');
  if (/(s|x|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}
