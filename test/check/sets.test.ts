// The recommended set runs by default; a style rule runs where the document states its
// convention, where the config names it, or with "extends": "schemadoc:all".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { ConfigError, emptyConfig, loadConfig, type CheckConfig } from '../../src/check/config.js';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { RULES } from '../../src/check/rules/index.js';

const work = mkdtempSync(join(tmpdir(), 'schemadoc-sets-'));
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await closeScratchDatabases();
});

const STYLE = ['SD504', 'SD506', 'SD507', 'SD508'];
const schema = `\`\`\`sql
CREATE TABLE team (id serial PRIMARY KEY, name varchar(80) NOT NULL, founded timestamp);
CREATE TABLE player (id serial PRIMARY KEY, team_id integer NOT NULL REFERENCES team (id));
CREATE INDEX ON player (team_id);
\`\`\``;
const found = async (prose: string, config: CheckConfig = emptyConfig()) =>
  (await checkDocuments([{ file: 'doc.md', text: `# Doc\n\n${prose}\n\n${schema}\n` }], { config, execute: false })).diagnostics
    .filter((d) => STYLE.includes(d.code)).map((d) => `${d.code}:${d.severity}`);

describe('rule sets', () => {
  it('every rule is in a set; the style rules each name the convention that turns them on', () => {
    for (const rule of RULES) expect(['recommended', 'style']).toContain(rule.meta.set);
    const style = RULES.filter((r) => r.meta.set === 'style');
    expect(style.map((r) => r.meta.code).sort()).toEqual(STYLE);
    for (const rule of style) expect(rule.meta.enabledBy).toBeDefined();
  });

  it('style rules say nothing where the document says nothing about their convention', async () => {
    expect(await found('A league.')).toEqual([]);
  });

  it('each style rule runs, as a warning, where the document states its convention', async () => {
    expect(await found('- Text is used for variable-length strings')).toEqual(['SD507:warning']);
    expect(await found('- Timestamps include timezone')).toEqual(['SD506:warning']);
    expect(await found('- Surrogate keys use identity columns')).toEqual(['SD508:warning', 'SD508:warning']);
    expect(await found('- Every foreign key specifies its ON DELETE behaviour')).toEqual(['SD504:warning']);
  });

  it('the config turns one on by naming it, or all of them with extends schemadoc:all', async () => {
    expect(await found('A league.', { ...emptyConfig(), rules: { SD507: 'info' } })).toEqual(['SD507:info']);
    expect((await found('A league.', { ...emptyConfig(), extends: 'schemadoc:all' })).sort())
      .toEqual(['SD504:info', 'SD506:warning', 'SD507:info', 'SD508:info', 'SD508:info']);
  });

  it('reads extends from the config file, and refuses a set it does not know', async () => {
    writeFileSync(join(work, 'schemadoc.config.json'), JSON.stringify({ extends: 'schemadoc:all' }));
    expect((await loadConfig(work)).extends).toBe('schemadoc:all');
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ extends: 'eslint:recommended' }));
    await expect(loadConfig(work, join(work, 'bad.json'))).rejects.toThrow(ConfigError);
    await expect(loadConfig(work, join(work, 'bad.json'))).rejects.toThrow('"extends" must be "schemadoc:recommended" or "schemadoc:all"');
  });
});
