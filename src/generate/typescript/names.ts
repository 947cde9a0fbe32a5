// Names in the program: PostgreSQL's names turned into TypeScript identifiers and keys.

/** `created_at` → `createdAt`, as Kysely's CamelCasePlugin maps it (so queries and types agree). */
export function camelCase(name: string): string {
  let out = name.slice(0, 1);
  for (let i = 1; i < name.length; i++) {
    const char = name[i]!;
    if (char !== '_') out += name[i - 1] === '_' ? char.toUpperCase() : char;
  }
  return out;
}

/** A column's name in the program: the database's, or (camel) the ORM's property, else Kysely's camelCase. */
export function propertyName(name: string, casing: 'snake' | 'camel', property?: string): string {
  return casing === 'camel' ? property ?? camelCase(name) : name;
}

/** `twitter_accounts` → `TwitterAccounts`, `auth.users` → `AuthUsers`, as kysely-codegen names them. */
export function pascalCase(name: string): string {
  const word = camelCase(name.replace(/[^\w$\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/g, '_'));
  return word.slice(0, 1).toUpperCase() + word.slice(1);
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name);
}

export const stringLiteral = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

/** Unique exported names: a second `UserStatus` becomes `UserStatus2`, a leading digit gets `_`. */
export class Names {
  private readonly taken = new Set<string>();
  private readonly byId = new Map<string, string>();

  name(id: string, wanted: string): string {
    const known = this.byId.get(id);
    if (known) return known;
    let name = /^\d/.test(wanted) ? `_${wanted}` : wanted || '_';
    if (this.taken.has(name)) {
      let n = 2;
      while (this.taken.has(`${name}${n}`)) n++;
      name = `${name}${n}`;
    }
    this.taken.add(name);
    this.byId.set(id, name);
    return name;
  }

  /** Reserve names the file defines itself (`Json`, `Generated` …). */
  reserve(...names: string[]): this {
    for (const n of names) this.taken.add(n);
    return this;
  }
}

/** A JSDoc block from a comment, indented; empty without one. */
export function jsDoc(text: string | undefined, indent = ''): string {
  if (!text?.trim()) return '';
  const lines = text.trim().replace(/\*\//g, '*\\/').split(/\r?\n/);
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}
