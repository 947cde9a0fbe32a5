// The built command line, run as a user runs it: in a fresh process, in a scratch directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { TEST_PASSWORD } from './databases.js';
import { REPO_DIR } from './documents.js';

export const CLI = join(REPO_DIR, 'dist/src/cli/main.js');

export interface Run { code: number; stdout: string; stderr: string }

/** A directory for one test file's runs, removed after them. */
export function workDirectory(): string {
  const work = mkdtempSync(join(tmpdir(), 'schemadoc-cli-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return work;
}

export function runner(work: string): (args: string[], env?: Record<string, string | undefined>) => Promise<Run> {
  return (args, env = {}) => new Promise((resolve) => {
    execFile('node', [CLI, ...args], { cwd: work, env: { ...process.env, DATABASE_URL: '', ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve(leaksNothing({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })));
  });
}

/** No output shows the password of a server URL, whatever the command. */
export function leaksNothing(run: Run): Run {
  expect(run.stdout + run.stderr).not.toContain(TEST_PASSWORD);
  expect(run.stdout + run.stderr).not.toContain('s3cret');
  return run;
}

export function documentIn(work: string, name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** What a person must never see. */
export function expectNoStackTrace(run: Run): void {
  expect(run.stderr + run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error/);
}
