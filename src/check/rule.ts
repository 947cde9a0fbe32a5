// A check rule: ESLint-style, one module per rule with its `meta` and (for rules over the
// model) a `run` function. Rules whose findings come from reading, merging or executing the
// document have no `run`: their meta documents the code those stages report.
import type { Diagnostic, RelatedLocation, Severity } from '../schema/diagnostic.js';
import type { ConventionSettings, Schema, Span, Table } from '../schema/model.js';

export interface RuleMeta {
  /** Stable code, also the name of the rule's page: docs/rules/<code>.md. */
  code: string;
  /** Short kebab-case name: `foreign-key-without-index`. */
  name: string;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** Where the finding is made: by a `run` over the model, or while reading, merging or executing. */
  stage: 'model' | 'read' | 'merge' | 'execute';
  /**
   * `recommended`: finds what breaks or misleads, on by default. `style`: a design preference,
   * on only where the document states `enabledBy`, the config names the rule, or the config
   * extends `schemadoc:all`.
   */
  set: RuleSet;
  /** The convention that turns a style rule on; where it is in force, its findings warn and point at it. */
  enabledBy?: keyof ConventionSettings;
}

export type RuleSet = 'recommended' | 'style';

export type Finding = Omit<Diagnostic, 'code' | 'severity'> & { severity?: Severity };

/** A convention in force, with where it was stated (empty when it comes from the config file). */
export interface ConventionInForce<V> {
  value: V;
  related: RelatedLocation[];
}

export interface RuleContext {
  schema: Schema;
  /** The tables that SQL, a column table or code defines: a diagram alone states no real types or keys. */
  designedTables: Table[];
  convention<K extends keyof ConventionSettings>(setting: K): ConventionInForce<NonNullable<ConventionSettings[K]>> | undefined;
  /** The first place within a span's lines that matches, to point at the exact words. */
  locate(span: Span | undefined, pattern: RegExp): Span | undefined;
  report(finding: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  run?(context: RuleContext): void;
}
