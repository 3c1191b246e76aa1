import type { RequestContext } from '../context.js';
import type { Template } from '../variables.js';

/**
 * Tests one context value against a condition's compiled policy values, in the operator's positive sense
 * (for `StringNotEquals` that is "equals"; the dispatcher applies the negation).
 * Returns true when the value matches at least one policy value, false when it matches none, and `undefined`
 * when it cannot be compared at all (a date that is not a date, an address that is not an address); the
 * dispatcher then makes the whole clause false. A policy value whose variable has no value matches nothing.
 */
export type ValueTest = (value: string, context: RequestContext) => boolean | undefined;

/** A fault in a condition: an operator that does not exist, or a policy value the operator cannot read. */
export interface ValueFault {
  readonly code: 'UnknownOperator' | 'InvalidConditionValue';
  readonly fault: string;
}

/** A condition operator, as declared by its family. The dispatcher reads these flags; it never parses names. */
export interface OperatorSpec {
  /** The canonical name, e.g. `StringNotEqualsIgnoreCase`. */
  readonly name: string;
  /** The family, for explanations and docs: String, Numeric, Date, Bool, Binary, IpAddress, Arn, Null. */
  readonly family: string;
  /** True for the operators that match when the positive test fails (`StringNotEquals`, `NotIpAddress`, …). */
  readonly negated: boolean;
  /** True when policy variables in the values are substituted (String and Arn families). */
  readonly acceptsVariables: boolean;
  /** True for `Null`, which tests whether the key is present rather than comparing values. */
  readonly testsPresence: boolean;
  /** Compiles the policy values once. */
  compile(values: readonly Template[]): ValueTest | ValueFault;
}

/** True when a compile step failed. */
export function isValueFault(result: ValueTest | ValueFault): result is ValueFault {
  return typeof result !== 'function';
}
