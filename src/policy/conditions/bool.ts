import type { OperatorSpec } from './operator.js';

/** `Bool`: compares `true` / `false` without regard to case. */
export const BOOL_OPERATORS: readonly OperatorSpec[] = [
  {
    name: 'Bool',
    family: 'Bool',
    negated: false,
    acceptsVariables: false,
    testsPresence: false,
    compile: (values) => {
      const wanted = new Set(values.map((t) => t.raw.toLowerCase()));
      return (value) => wanted.has(value.toLowerCase());
    },
  },
];
