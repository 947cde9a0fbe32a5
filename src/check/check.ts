// `check`: everything a reviewer would find in the documents. What reading and merging
// found, what PostgreSQL says when the schema and examples run, and the rules over the model;
// then the document's ignore comments and the config's severities.
import { compileDocuments } from '../compile.js';
import type { DocumentInput } from '../read/document.js';
import { withoutSuppressed, type Diagnostic } from '../schema/diagnostic.js';
import type { ConventionSettings, Schema } from '../schema/model.js';
import { emptyConfig, type CheckConfig } from './config.js';
import { executeSchema, type ExecuteOptions, type Execution } from './execute.js';
import { locateIn } from './locate.js';
import type { ConventionInForce, RuleContext, RuleMeta } from './rule.js';
import { RULES } from './rules/index.js';

export interface CheckOptions extends ExecuteOptions {
  config?: CheckConfig;
  /** Run the schema and examples in a scratch database (default true). */
  execute?: boolean;
}

export interface CheckResult {
  schema: Schema;
  diagnostics: Diagnostic[];
  execution?: Execution;
}

export async function checkDocuments(documents: DocumentInput[], options: CheckOptions = {}): Promise<CheckResult> {
  const config = options.config ?? emptyConfig();
  const { schema, diagnostics, suppressions } = await compileDocuments(documents);
  const sources = new Map(documents.map((d) => [d.file, d.text]));
  const execution = options.execute === false ? undefined : await executeSchema(schema, sources, options);
  // A line that reading or merging already marked as an error is not reported again by PostgreSQL.
  const errorLines = new Set(diagnostics.filter((d) => d.severity === 'error' && d.span).map((d) => `${d.span!.file}:${d.span!.line}`));
  const executed = (execution?.diagnostics ?? []).filter((d) => !d.span || !errorLines.has(`${d.span.file}:${d.span.line}`));
  const found = [...diagnostics, ...executed, ...runRules(schema, config, sources)];
  return { schema, diagnostics: configured(withoutSuppressed(found, suppressions), config), execution };
}

function runRules(schema: Schema, config: CheckConfig, sources: Map<string, string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const convention = <K extends keyof ConventionSettings>(setting: K): ConventionInForce<NonNullable<ConventionSettings[K]>> | undefined => {
    const configured = config.conventions[setting];
    if (configured !== undefined) return { value: configured as NonNullable<ConventionSettings[K]>, related: [] };
    const stated = schema.conventions.find((c) => c.setting === setting);
    return stated && {
      value: stated.value as NonNullable<ConventionSettings[K]>,
      related: [{ span: stated.spans[0]!, message: `the document's convention: ${stated.statement}` }],
    };
  };
  const designedTables = schema.tables.filter((t) => t.spans[0]?.source !== 'diagram');
  for (const rule of RULES) {
    if (!rule.run || config.rules[rule.meta.code] === 'off' || !chosen(rule.meta, config, convention)) continue;
    // A style rule the document asks for warns, and points at the sentence that asked.
    const asked = rule.meta.enabledBy && convention(rule.meta.enabledBy);
    const declared = asked && asked.value ? asked : undefined;
    const context: RuleContext = {
      schema,
      designedTables,
      convention,
      locate: (span, pattern) => locateIn(sources, span, pattern),
      report: (finding) => {
        const severity = finding.severity ?? (declared ? 'warning' : rule.meta.severity);
        // A rule's warnings and infos are one cause unless it names finer ones; each error stands alone.
        const cause = finding.cause ?? (severity === 'error' ? undefined : rule.meta.code);
        const related = declared ? [...(finding.related ?? []), ...declared.related] : finding.related;
        diagnostics.push({ ...finding, code: rule.meta.code, severity, ...(related ? { related } : {}), ...(cause === undefined ? {} : { cause }) });
      },
    };
    rule.run(context);
  }
  return diagnostics;
}

/** A recommended rule always runs; a style rule where the document or the config asks for it. */
function chosen(meta: RuleMeta, config: CheckConfig, convention: RuleContext['convention']): boolean {
  if (meta.set === 'recommended' || config.extends === 'schemadoc:all' || config.rules[meta.code]) return true;
  return meta.enabledBy !== undefined && Boolean(convention(meta.enabledBy)?.value);
}

/** Severities from the config file; `off` drops the code; the same finding twice is one. */
function configured(diagnostics: Diagnostic[], config: CheckConfig): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const severity = config.rules[d.code];
    if (severity === 'off') continue;
    const key = `${d.code} ${d.span?.file}:${d.span?.line}:${d.span?.column} ${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(severity ? { ...d, severity } : d);
  }
  return out;
}
