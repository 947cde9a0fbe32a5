// schemadoc.config.json (or .ts/.js/.mjs): rule severities and conventions for `check`.
//   { "extends": "schemadoc:all",
//     "rules": { "SD507": "off", "SD501": "error" },
//     "conventions": { "indexName": "ix_{table}_{columns}", "timestampsWithTimeZone": true } }
// `extends` picks the rules that run: `schemadoc:recommended` (the default: what breaks or
// misleads, and style rules only where the document states their convention) or `schemadoc:all`.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizePattern } from '../schema/conventions.js';
import type { Severity } from '../schema/diagnostic.js';
import type { ConventionSettings } from '../schema/model.js';

export interface CheckConfig {
  /** Which rules run: the recommended set (default), or every rule. */
  extends?: RuleSetName;
  /** Severity per code; `off` reports nothing for it, and a severity turns a style rule on. */
  rules: Record<string, Severity | 'off'>;
  conventions: ConventionSettings;
  /** The file it was read from. */
  file?: string;
}

/** The config file is wrong: a usage problem (exit 2), reported in one sentence. */
export class ConfigError extends Error {}

export const RULE_SETS = ['schemadoc:recommended', 'schemadoc:all'] as const;
export type RuleSetName = (typeof RULE_SETS)[number];

export const CONFIG_FILES = ['schemadoc.config.json', 'schemadoc.config.ts', 'schemadoc.config.mjs', 'schemadoc.config.js'];

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const CONVENTIONS: Record<keyof ConventionSettings, 'string' | 'boolean' | string[]> = {
  tableCase: ['snake_case', 'camelCase', 'PascalCase'], tableNumber: ['singular', 'plural'], columnCase: ['snake_case', 'camelCase'],
  indexName: 'string', uniqueName: 'string', foreignKeyName: 'string', foreignKeyColumn: 'string', primaryKeyColumn: 'string',
  primaryKeyType: 'string', timestampsWithTimeZone: 'boolean', textOverVarchar: 'boolean', indexForeignKeys: 'boolean',
  enumValuesLowerCase: 'boolean', identityColumns: 'boolean', explicitOnDelete: 'boolean',
};

export function emptyConfig(): CheckConfig {
  return { rules: {}, conventions: {} };
}

/** The named config file, else the first of CONFIG_FILES in `directory`, else none. */
export async function loadConfig(directory: string, named?: string): Promise<CheckConfig> {
  const file = named ? resolve(named) : CONFIG_FILES.map((f) => join(directory, f)).find((f) => existsSync(f));
  if (!file) return emptyConfig();
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : await importModule(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `cannot read ${named ?? file}: no such file` : `cannot read ${named ?? file}: ${(error as Error).message}`);
  }
  return { ...validate(raw, named ?? file), file };
}

/** A .ts config is compiled with TypeScript's transpiler (types only are erased) and imported. */
async function importModule(file: string): Promise<unknown> {
  let source = readFileSync(file, 'utf8');
  if (file.endsWith('.ts')) {
    const ts = (await import('typescript')).default;
    source = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  }
  const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  return module.default ?? module;
}

function validate(raw: unknown, file: string): Omit<CheckConfig, 'file'> {
  const config = emptyConfig();
  if (typeof raw !== 'object' || raw === null) throw new ConfigError(`${file}: expected an object with "extends", "rules" and "conventions"`);
  for (const key of Object.keys(raw)) {
    if (!['extends', 'rules', 'conventions', '$schema'].includes(key)) throw new ConfigError(`${file}: unknown key "${key}"; the keys are "extends", "rules" and "conventions"`);
  }
  const { extends: set, rules = {}, conventions = {} } = raw as { extends?: unknown; rules?: Record<string, unknown>; conventions?: Record<string, unknown> };
  if (set !== undefined) {
    if (!RULE_SETS.includes(set as RuleSetName)) throw new ConfigError(`${file}: "extends" must be ${RULE_SETS.map((s) => `"${s}"`).join(' or ')}`);
    config.extends = set as RuleSetName;
  }
  for (const [code, severity] of Object.entries(rules)) {
    if (!/^SD\d{3}$/.test(code)) throw new ConfigError(`${file}: "${code}" is not a rule code (codes look like SD501)`);
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) throw new ConfigError(`${file}: rule ${code} must be "error", "warning", "info" or "off"`);
    config.rules[code] = severity as Severity | 'off';
  }
  for (const [setting, value] of Object.entries(conventions)) {
    const expected = CONVENTIONS[setting as keyof ConventionSettings];
    if (!expected) throw new ConfigError(`${file}: unknown convention "${setting}"; the conventions are ${Object.keys(CONVENTIONS).join(', ')}`);
    const ok = Array.isArray(expected) ? expected.includes(value as string) : typeof value === expected;
    if (!ok) throw new ConfigError(`${file}: convention ${setting} must be ${Array.isArray(expected) ? expected.map((e) => `"${e}"`).join(' or ') : `a ${expected}`}`);
    (config.conventions as Record<string, unknown>)[setting] = typeof value === 'string' ? normalizePattern(value) : value;
  }
  return config;
}
