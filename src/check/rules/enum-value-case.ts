import { displayName } from '../../schema/names.js';
import type { Rule } from '../rule.js';

export const enumValueCase: Rule = {
  meta: {
    code: 'SD605', name: 'enum-value-case', severity: 'warning', stage: 'model', set: 'recommended',
    summary: 'Enum values that are not lower case where the document says they are',
  },
  run({ schema, convention, report }) {
    const lower = convention('enumValuesLowerCase');
    if (!lower?.value) return;
    for (const type of schema.enums) {
      const wrong = type.values.filter((v) => v !== v.toLowerCase());
      if (wrong.length === 0) continue;
      report({
        message: `enum ${displayName(type)} has values that are not lower case (${wrong.join(', ')}); the document stores enum values in lower case`,
        span: type.spans[0], related: lower.related, fix: wrong.map((v) => v.toLowerCase()).join(', '),
      });
    }
  },
};
