// Word forms for the naming conventions: case and grammatical number of names.

const CASES: Record<string, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
};

export function hasCase(name: string, style: string): boolean {
  return CASES[style]?.test(name) ?? true;
}

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'data', 'media', 'criteria', 'indices', 'feet', 'mice']);
const NOT_PLURAL = /(ss|us|is|ics|news|series|species|status|alias|canvas|gas|bus|atlas)$/;

/** The last word of a snake_case or camelCase name. */
function lastWord(name: string): string {
  return (name.split(/_|(?=[A-Z])/).pop() ?? name).toLowerCase();
}

export function looksPlural(name: string): boolean {
  const word = lastWord(name);
  return IRREGULAR_PLURALS.has(word) || (word.length > 2 && word.endsWith('s') && !NOT_PLURAL.test(word));
}

export function singular(name: string): string {
  if (/ies$/.test(name)) return name.replace(/ies$/, 'y');
  if (/(ss|x|ch|sh)es$/.test(name)) return name.replace(/es$/, '');
  return name.replace(/s$/, '');
}

export function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return name.replace(/y$/, 'ies');
  if (/(s|x|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}
