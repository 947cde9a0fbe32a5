import { extensionOfFunction, extensionOfOperatorClass, extensionOfType } from '../../schema/extensions.js';
import type { Span } from '../../schema/model.js';
import type { Fragment } from '../fragment.js';
import type { Node, References } from './ast.js';

/** Extensions whose functions, types or operator classes the statement uses. */
export function impliedExtensions(node: Node, refs: References, span: Span): Fragment[] {
  const names = new Set<string>();
  for (const f of refs.functions) {
    const ext = extensionOfFunction(f.name);
    if (ext) names.add(ext);
  }
  for (const t of refs.types) {
    const ext = extensionOfType(t.name);
    if (ext) names.add(ext);
  }
  for (const e of node.indexParams ?? []) {
    for (const opclass of e.IndexElem?.opclass ?? []) {
      const ext = extensionOfOperatorClass(opclass.String?.sval ?? '');
      if (ext) names.add(ext);
    }
  }
  return [...names].map((name) => ({ kind: 'extension', extension: { name, implied: true, spans: [span] } }));
}

