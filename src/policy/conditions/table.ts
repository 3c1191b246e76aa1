import { ARN_OPERATORS } from './arn.js';
import { BINARY_OPERATORS } from './binary.js';
import { BOOL_OPERATORS } from './bool.js';
import { DATE_OPERATORS } from './date.js';
import { IP_OPERATORS } from './ip.js';
import { NULL_OPERATORS } from './null.js';
import { NUMERIC_OPERATORS } from './numeric.js';
import type { OperatorSpec } from './operator.js';
import { STRING_OPERATORS } from './string.js';

/** Every base condition operator (without set qualifiers or `IfExists`). */
export const ALL_OPERATORS: readonly OperatorSpec[] = [
  ...STRING_OPERATORS,
  ...NUMERIC_OPERATORS,
  ...DATE_OPERATORS,
  ...BOOL_OPERATORS,
  ...BINARY_OPERATORS,
  ...IP_OPERATORS,
  ...ARN_OPERATORS,
  ...NULL_OPERATORS,
];

const BY_NAME = new Map(ALL_OPERATORS.map((op) => [op.name.toLowerCase(), op]));

/** Finds a base operator by name, without regard to case. */
export function lookupOperator(name: string): OperatorSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}
