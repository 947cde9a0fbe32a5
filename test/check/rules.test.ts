// Every rule has a page in docs/rules/ with a bad and a good example; the examples are the
// rule's tests: `check` must report the rule on the bad one and not on the good one.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../src/check/check.js';
import { closeScratchDatabases } from '../../src/check/execute.js';
import { RULES } from '../../src/check/rules/index.js';
import { REPO_DIR } from '../helpers/documents.js';

afterAll(closeScratchDatabases);

/** The first fenced block after a `## Bad` or `## Good` heading, as a document. */
function example(page: string, heading: 'Bad' | 'Good'): string {
  const found = new RegExp(`^## ${heading}\\n\\n(\`{3,4})(\\w+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(page);
  if (!found) throw new Error(`no ${heading} example`);
  const [, , lang, content] = found;
  return lang === 'markdown' ? content! : `# Example\n\n\`\`\`sql\n${content}\n\`\`\`\n`;
}

async function codesOf(text: string): Promise<string[]> {
  const { diagnostics } = await checkDocuments([{ file: 'example.md', text }]);
  return diagnostics.map((d) => d.code);
}

describe.each(RULES.map((rule) => [rule.meta.code, rule] as const))('%s', (code, rule) => {
  const path = `${REPO_DIR}docs/rules/${code}.md`;
  const page = existsSync(path) ? readFileSync(path, 'utf8') : '';

  it('has a docs page that matches its meta', () => {
    expect(page.split('\n')[0]).toBe(`# ${code} ${rule.meta.name}`);
    expect(page).toContain(`**Default severity:** ${rule.meta.severity}.`);
    expect(page.split('\n')[2]).toBe(`${rule.meta.summary}.`);
    expect(page).toContain(`**Set:** ${rule.meta.set}: `);
  });

  it('reports the bad example', async () => {
    expect(await codesOf(example(page, 'Bad'))).toContain(code);
  });

  it('does not report the good example', async () => {
    expect(await codesOf(example(page, 'Good'))).not.toContain(code);
  });
});
