import type { OperatorSpec } from './operator.js';
import { orderedFamily } from './ordered.js';

// Unambiguous (each digit belongs to one group), so a long digit run cannot backtrack; and bounded in length.
const NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const MAX_NUMBER_LENGTH = 400;

/** Parses a decimal number as the Numeric operators accept it, or `undefined`. */
export function parseNumber(text: string): number | undefined {
  if (text.length > MAX_NUMBER_LENGTH || !NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** NumericEquals, NumericNotEquals, NumericLessThan(Equals), NumericGreaterThan(Equals). */
export const NUMERIC_OPERATORS: readonly OperatorSpec[] = orderedFamily(
  'Numeric',
  parseNumber,
  (text) => `\`${text}\` is not a number.`,
);
