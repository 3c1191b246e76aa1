import type { OperatorSpec } from './operator.js';
import { orderedFamily } from './ordered.js';

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Parses a decimal number as the Numeric operators accept it, or `undefined`. */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** NumericEquals, NumericNotEquals, NumericLessThan(Equals), NumericGreaterThan(Equals). */
export const NUMERIC_OPERATORS: readonly OperatorSpec[] = orderedFamily(
  'Numeric',
  parseNumber,
  (text) => `\`${text}\` is not a number.`,
);
