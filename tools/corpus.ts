// npm run corpus: `schemadoc apply` on every document of the corpus (test/fixtures/corpus), each into a fresh
// embedded database (again with --infer-types where the document names columns without types),
// then `schemadoc check` on it, and a table of what happened, per document and per form and
// dialect of the manifest; then what check reports per document and per code, as findings
// (causes) and places, with the recommended rules (the default) next to every rule
// (`"extends": "schemadoc:all"`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = `${ROOT}test/fixtures/corpus/`;
const CLI = `${ROOT}dist/src/cli/main.js`;
const PARALLEL = 2;
const work = mkdtempSync(join(tmpdir(), 'schemadoc-corpus-'));
const ALL_RULES = join(work, 'all.json');
writeFileSync(ALL_RULES, JSON.stringify({ extends: 'schemadoc:all' }));

interface Outcome {
  document: string;
  tables: number;
  errors: number;
  warnings: number;
  infos: number;
  outcome: 'applied' | 'errors' | 'crash';
  /** Where the document names columns without types: whether it applies with --infer-types. */
  inferred?: boolean;
  note: string;
  /** What `check` found: errors/warnings/infos, or `crash`. */
  check: string;
  /** check's findings (causes) and places, by code; and the places with every rule. */
  findings: Map<string, { findings: number; places: number }>;
  allPlaces: Map<string, number>;
}

interface Report {
  summary?: Record<string, number>;
  created?: Record<string, number>;
  diagnostics?: { severity: string; code: string; message: string; line: number; group: string }[];
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
  const all = await cli(['check', CORPUS + document, '--config', ALL_RULES]);
  const findings = new Map<string, { findings: number; places: number }>();
  const groups = new Set<string>();
  for (const d of check.report.diagnostics ?? []) {
    const counts = findings.get(d.code) ?? { findings: 0, places: 0 };
    counts.places++;
    if (!groups.has(d.group)) counts.findings++;
    groups.add(d.group);
    findings.set(d.code, counts);
  }
  const allPlaces = new Map<string, number>();
  for (const d of all.report.diagnostics ?? []) allPlaces.set(d.code, (allPlaces.get(d.code) ?? 0) + 1);
  const firstError = report.diagnostics?.find((d) => d.severity === 'error');
  const untyped = report.diagnostics?.some((d) => d.code === 'SD125');
  const inferred = untyped ? await cli(['apply', CORPUS + document, '--data-dir', 'memory://', '--infer-types']) : undefined;
  const found = check.report.summary;
  return {
    document,
    tables: report.created?.table ?? 0,
    errors: report.summary?.errors ?? 0,
    warnings: report.summary?.warnings ?? 0,
    infos: report.summary?.infos ?? 0,
    outcome: crashed ? 'crash' : code === 0 && !report.summary?.errors ? 'applied' : 'errors',
    ...(inferred ? { inferred: !inferred.crashed && inferred.code === 0 && !inferred.report.summary?.errors } : {}),
    note: crashed ? stderr.split('\n')[0]!.slice(0, 90) : firstError ? `${firstError.code} line ${firstError.line}: ${firstError.message}`.slice(0, 90) : '',
    check: check.crashed || !found ? 'crash' : `${found.errors}/${found.warnings}/${found.infos}`,
    findings,
    allPlaces,
  };
}

const documents = readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const results: Outcome[] = [];
let next = 0;
await Promise.all(Array.from({ length: PARALLEL }, async () => {
  while (next < documents.length) results.push(await run(documents[next++]!));
}));
results.sort((a, b) => a.document.localeCompare(b.document));

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const findingsOf = (r: Outcome) => sum([...r.findings.values()].map((c) => c.findings));
const placesOf = (r: Outcome) => sum([...r.findings.values()].map((c) => c.places));
const outcomeOf = (r: Outcome) => (r.inferred === undefined ? r.outcome : `${r.outcome}; --infer-types: ${r.inferred ? 'applied' : 'errors'}`);
console.log('| document | tables | errors | warnings | infos | outcome | first error | check e/w/i | check findings / places | every rule: places |');
console.log('|---|---:|---:|---:|---:|---|---|---|---:|---:|');
for (const r of results) {
  console.log(`| ${r.document} | ${r.tables} | ${r.errors} | ${r.warnings} | ${r.infos} | ${outcomeOf(r)} | ${r.note.replace(/\|/g, '\\|')} | ${r.check} `
    + `| ${findingsOf(r)} / ${placesOf(r)} | ${sum(r.allPlaces.values())} |`);
}
// Per form and per dialect, as the manifest records them.
const manifest = new Map(readFileSync(`${CORPUS}manifest.tsv`, 'utf8').trim().split('\n').slice(1).map((line) => {
  const cells = line.split('\t');
  return [`${cells[0]}.md` as string, { formats: cells[5]!.split(','), dialect: cells[6]! }] as const;
}));
for (const [title, keysOf] of [['form', (r: Outcome) => manifest.get(r.document)?.formats ?? []], ['dialect', (r: Outcome) => [manifest.get(r.document)?.dialect ?? 'unknown']]] as const) {
  const keys = [...new Set(results.flatMap(keysOf))].sort();
  console.log(`\n| ${title} | documents | apply | with --infer-types |`);
  console.log('|---|---:|---:|---:|');
  for (const key of keys) {
    const these = results.filter((r) => keysOf(r).includes(key));
    console.log(`| ${key} | ${these.length} | ${these.filter((r) => r.outcome === 'applied').length} | ${these.filter((r) => r.outcome === 'applied' || r.inferred).length} |`);
  }
}
const codes = [...new Set(results.flatMap((r) => [...r.findings.keys(), ...r.allPlaces.keys()]))].sort();
console.log('\n| code | findings | places | every rule: places |');
console.log('|---|---:|---:|---:|');
for (const code of codes) {
  const f = sum(results.map((r) => r.findings.get(code)?.findings ?? 0));
  const p = sum(results.map((r) => r.findings.get(code)?.places ?? 0));
  console.log(`| ${code} | ${f} | ${p} | ${sum(results.map((r) => r.allPlaces.get(code) ?? 0))} |`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(`\ncheck per document, median: ${median(results.map(findingsOf))} findings in ${median(results.map(placesOf))} places `
  + `(every rule, ungrouped: ${median(results.map((r) => sum(r.allPlaces.values())))} places).`);
rmSync(work, { recursive: true, force: true });
const applied = results.filter((r) => r.outcome === 'applied').length;
const crashes = results.filter((r) => r.outcome === 'crash').length;
const checkCrashes = results.filter((r) => r.check === 'crash').length;
const inferred = results.filter((r) => r.inferred).length;
console.log(`\n${applied} of ${results.length} documents apply with no error and no crash (${Math.round((100 * applied) / results.length)}%); ${crashes} crash${crashes === 1 ? '' : 'es'}.`);
console.log(`${inferred} more apply with --infer-types (of ${results.filter((r) => r.inferred !== undefined).length} that name columns without types).`);
console.log(`check ran on all ${results.length}: ${checkCrashes} crash${checkCrashes === 1 ? '' : 'es'}.`);
process.exitCode = crashes || checkCrashes ? 1 : 0;
