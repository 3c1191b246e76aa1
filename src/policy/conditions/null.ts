import type { OperatorSpec } from './operator.js';

/**
 * `Null`: `"true"` matches when the key is absent from the request, `"false"` when it is present.
 * The dispatcher handles presence; the compiled test receives `"true"` for an absent key and `"false"` for a
 * present one, and compares it with the policy values.
 */
export const NULL_OPERATORS: readonly OperatorSpec[] = [
  {
    name: 'Null',
    family: 'Null',
    negated: false,
    acceptsVariables: false,
    testsPresence: true,
    compile: (values) => {
      const wanted = new Set<string>();
      for (const template of values) {
        const text = template.raw.toLowerCase();
        if (text !== 'true' && text !== 'false')
          return {
            code: 'InvalidConditionValue',
            fault: `Null takes \`true\` or \`false\`, not \`${template.raw}\`.`,
          };
        wanted.add(text);
      }
      return (absent) => wanted.has(absent);
    },
  },
];
