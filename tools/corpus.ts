// npm run corpus: `schemadoc apply` on every document of the corpus (test/fixtures/corpus), each into a fresh
// embedded database, then `schemadoc check` on it, and a table of what happened.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = `${ROOT}test/fixtures/corpus/`;
const CLI = `${ROOT}dist/src/cli/main.js`;
const PARALLEL = 2;

interface Outcome {
  document: string;
  tables: number;
  errors: number;
  warnings: number;
  infos: number;
  outcome: 'applied' | 'errors' | 'crash';
  note: string;
  /** What `check` found: errors/warnings/infos, or `crash`. */
  check: string;
}

interface Report {
  summary?: Record<string, number>;
  created?: Record<string, number>;
  diagnostics?: { severity: string; code: string; message: string; line: number }[];
}

interface Run { report: Report; crashed: boolean; code: number; stderr: string }

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args, '--format', 'json'], { maxBuffer: 64 << 20, env: { ...process.env, DATABASE_URL: '' } }, (error, stdout, stderr) => {
      const code = error ? Number(error.code ?? 1) : 0;
      let report: Report = {};
      try {
        report = JSON.parse(stdout);
      } catch {
        // not JSON: a crash, reported below
      }
      const crashed = (code !== 0 && code !== 1) || /\n\s+at .+:\d+:\d+/.test(stderr) || !report.summary;
      resolve({ report, crashed, code, stderr });
    });
  });
}

async function run(document: string): Promise<Outcome> {
  const { report, crashed, code, stderr } = await cli(['apply', CORPUS + document, '--data-dir', 'memory://']);
  const check = await cli(['check', CORPUS + document]);
  const firstError = report.diagnostics?.find((d) => d.severity === 'error');
  const found = check.report.summary;
  return {
    document,
    tables: report.created?.table ?? 0,
    errors: report.summary?.errors ?? 0,
    warnings: report.summary?.warnings ?? 0,
    infos: report.summary?.infos ?? 0,
    outcome: crashed ? 'crash' : code === 0 && !report.summary?.errors ? 'applied' : 'errors',
    note: crashed ? stderr.split('\n')[0]!.slice(0, 90) : firstError ? `${firstError.code} line ${firstError.line}: ${firstError.message}`.slice(0, 90) : '',
    check: check.crashed || !found ? 'crash' : `${found.errors}/${found.warnings}/${found.infos}`,
  };
}

const documents = readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const results: Outcome[] = [];
let next = 0;
await Promise.all(Array.from({ length: PARALLEL }, async () => {
  while (next < documents.length) results.push(await run(documents[next++]!));
}));
results.sort((a, b) => a.document.localeCompare(b.document));

console.log('| document | tables | errors | warnings | infos | outcome | first error | check e/w/i |');
console.log('|---|---:|---:|---:|---:|---|---|---|');
for (const r of results) {
  console.log(`| ${r.document} | ${r.tables} | ${r.errors} | ${r.warnings} | ${r.infos} | ${r.outcome} | ${r.note.replace(/\|/g, '\\|')} | ${r.check} |`);
}
const applied = results.filter((r) => r.outcome === 'applied').length;
const crashes = results.filter((r) => r.outcome === 'crash').length;
const checkCrashes = results.filter((r) => r.check === 'crash').length;
console.log(`\n${applied} of ${results.length} documents apply with no error and no crash (${Math.round((100 * applied) / results.length)}%); ${crashes} crash${crashes === 1 ? '' : 'es'}.`);
console.log(`check ran on all ${results.length}: ${checkCrashes} crash${checkCrashes === 1 ? '' : 'es'}.`);
process.exitCode = crashes || checkCrashes ? 1 : 0;
