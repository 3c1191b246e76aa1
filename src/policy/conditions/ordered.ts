import type { OperatorSpec, ValueTest, ValueFault } from './operator.js';
import type { Template } from '../variables.js';

/** How an ordered family (Numeric, Date) compares a context value with a policy value. */
export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};

/** The suffix of each operator name, its comparison, and whether it is negated. */
export const ORDERED_SHAPES: readonly { suffix: string; comparison: Comparison; negated: boolean }[] = [
  { suffix: 'Equals', comparison: 'eq', negated: false },
  { suffix: 'NotEquals', comparison: 'eq', negated: true },
  { suffix: 'LessThan', comparison: 'lt', negated: false },
  { suffix: 'LessThanEquals', comparison: 'le', negated: false },
  { suffix: 'GreaterThan', comparison: 'gt', negated: false },
  { suffix: 'GreaterThanEquals', comparison: 'ge', negated: false },
];

/**
 * Builds the six operators of a family whose values map to numbers (Numeric: the value; Date: milliseconds).
 * `toNumber` returns `undefined` for text that is not of the family.
 */
export function orderedFamily(
  family: string,
  toNumber: (text: string) => number | undefined,
  describeBad: (text: string) => string,
): OperatorSpec[] {
  return ORDERED_SHAPES.map(({ suffix, comparison, negated }) => ({
    name: `${family}${suffix}`,
    family,
    negated,
    acceptsVariables: false,
    testsPresence: false,
    compile: (values: readonly Template[]): ValueTest | ValueFault => {
      const numbers: number[] = [];
      for (const template of values) {
        const n = toNumber(template.raw);
        if (n === undefined) return { code: 'InvalidConditionValue', fault: describeBad(template.raw) };
        numbers.push(n);
      }
      const compare = COMPARE[comparison];
      return (value) => {
        const n = toNumber(value);
        if (n === undefined) return undefined;
        for (const p of numbers) if (compare(n, p)) return true;
        return false;
      };
    },
  }));
}
