// Calls to functions the document describes only by their signature (a heading such as
// `public.is_admin()` with prose but no body): such a function is never created, so a
// policy that calls one cannot be; it is left out and reported at its own line. Other
// unknown functions may be built-ins: PostgreSQL decides those when the schema is applied.
import type { Diagnostic } from '../schema/diagnostic.js';
import type { DeclaredFunction, Policy, Schema } from '../schema/model.js';
import { displayName, objectKey } from '../schema/names.js';
import { SUPABASE_FUNCTIONS, usesSupabase } from '../schema/supabase.js';

export function leaveOutUndefinedCalls(schema: Schema): { diagnostics: Diagnostic[]; leftOut: Policy[] } {
  const diagnostics: Diagnostic[] = [];
  const leftOut: Policy[] = [];
  if (schema.declaredFunctions.length === 0) return { diagnostics, leftOut };
  const defined = new Set(schema.functions.map((f) => objectKey('function', f)));
  if (usesSupabase(schema)) for (const f of SUPABASE_FUNCTIONS) defined.add(`function:${f}`);
  const declared = new Map(schema.declaredFunctions.map((d) => [objectKey('function', d), d]));
  const undefinedCall = (key: string): DeclaredFunction | undefined => (defined.has(key) ? undefined : declared.get(key));

  schema.policies = schema.policies.filter((policy) => {
    const missing = policy.requires.map(undefinedCall).find(Boolean);
    if (!missing) return true;
    diagnostics.push({
      code: 'SD224', severity: 'warning', span: policy.spans[0],
      message: `policy "${policy.name}" on ${displayName(policy.table)} calls ${displayName(missing)}(), which the document describes but never defines; the policy is left out`,
      related: [{ span: missing.spans[0]!, message: `${displayName(missing)}() is described here by its signature only` }],
    });
    leftOut.push(policy);
    return false;
  });
  for (const d of schema.declaredFunctions) {
    if (defined.has(objectKey('function', d))) continue;
    diagnostics.push({
      code: 'SD225', severity: 'info', span: d.spans[0], cause: 'signature only',
      message: `function ${d.signature} is described by its signature only; it is not created`,
    });
  }
  return { diagnostics, leftOut };
}
