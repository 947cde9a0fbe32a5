// schemadoc as a library: read documents into one schema model, check it, emit DDL, apply it,
// read a live database into the same model and compare the two.
export { compileDocuments, type Compilation } from './compile.js';
export type { DocumentInput } from './read/document.js';
export type { Fragment } from './read/fragment.js';
export * from './schema/model.js';
export type { Diagnostic, Severity, RelatedLocation } from './schema/diagnostic.js';
export { emitStatements, emitSql, type DdlStatement } from './pg/emit.js';
export { openDatabase, EnvironmentError, type Database, type DatabaseTarget } from './pg/database.js';
export { applyStatements, type ApplyOptions, type ApplyOutcome } from './pg/apply.js';
export { introspect, type Introspection, type IntrospectOptions, type Unmodelled } from './pg/introspect/introspect.js';
export { canonicalSchema, type Canonical } from './diff/canonical.js';
export { compareSchemas, type Difference, type CompareOptions } from './diff/compare.js';
export { verifySchema, type Verification, type VerifyOptions } from './diff/verify.js';
export { checkDocuments, type CheckOptions, type CheckResult } from './check/check.js';
export { closeScratchDatabases } from './check/execute.js';
export { loadConfig, ConfigError, type CheckConfig } from './check/config.js';
export { RULES } from './check/rules/index.js';
export type { Rule, RuleMeta, RuleContext } from './check/rule.js';
export { formatPretty } from './report/pretty.js';
export { formatSarif } from './report/sarif.js';
export { formatGithub } from './report/github.js';
export { formatJson } from './report/json.js';
