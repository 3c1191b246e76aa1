/**
 * The shared table-test helper for condition operators (STYLE.md, practice 6).
 *
 * Each row becomes a one-statement identity policy,
 * `Allow test:Act on * when { <operator>: { <key>: <values> } }`, which is compiled and evaluated through the
 * public engine entry points (`compilePolicyOrThrow`, `createPolicySet`, `createRequest`, `evaluate`). A row
 * therefore tests the dispatcher (set qualifiers, `IfExists`, missing keys, negation) and the operator family
 * together: the condition holds exactly when the decision is `allowed`; otherwise it must be `implicitDeny`.
 *
 * The request is made by the IAM user `alice` in account 111122223333, without a clock, so the keys the engine
 * derives from that principal (`aws:username`, `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`,
 * `aws:PrincipalIsAWSService`) are present unless a row's context overrides them, and `aws:CurrentTime` and
 * `aws:EpochTime` are present only when a row gives them.
 */
import { describe, expect, it } from 'vitest';
import {
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  PolicyValidationError,
  type ContextInput,
  type EvalDecision,
  type PolicyFault,
  type PolicyVersion,
} from '../../index.js';

/** A value as a policy document may write it: JSON strings, numbers and booleans. */
export type PolicyValue = string | number | boolean;

/** One row of a condition table. */
export interface ConditionRow {
  /** The behaviour the row pins, in a few words. It names the test. */
  readonly name: string;
  /** The operator as a policy writes it, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The condition key as the policy writes it. Defaults to `DEFAULT_KEY`. */
  readonly key?: string;
  /** The policy values. A bare value is written into the policy as a JSON scalar, a list as a JSON list. */
  readonly values: PolicyValue | readonly PolicyValue[];
  /** The request context. `{}` is a request without the key. */
  readonly context: Readonly<Record<string, ContextInput>>;
  /** True when the condition holds, so that the request is allowed. */
  readonly expect: boolean;
  /**
   * The policy language version. Defaults to `2012-10-17`, where policy variables are substituted; `null` writes
   * a document without a `Version` element.
   */
  readonly version?: PolicyVersion | null;
}

/** The condition key used when a row names none. */
export const DEFAULT_KEY = 'k';

/** The principal, action and resource of every row's request. */
export const TABLE_PRINCIPAL = 'arn:aws:iam::111122223333:user/alice';
export const TABLE_ACTION = 'test:Act';
export const TABLE_RESOURCE = 'arn:aws:test:us-east-1:111122223333:thing/one';

/** The one-statement policy document for a condition. `null` leaves out the `Version` element. */
export function conditionPolicy(
  operator: string,
  key: string,
  values: PolicyValue | readonly PolicyValue[],
  version: PolicyVersion | null = '2012-10-17',
): Record<string, unknown> {
  const statement = {
    Effect: 'Allow',
    Action: TABLE_ACTION,
    Resource: '*',
    Condition: { [operator]: { [key]: values } },
  };
  return version === null ? { Statement: [statement] } : { Version: version, Statement: [statement] };
}

/** Evaluates one row through the public engine path and returns the decision. */
export function evaluateRow(row: ConditionRow): EvalDecision {
  const policy = compilePolicyOrThrow(
    conditionPolicy(
      row.operator,
      row.key ?? DEFAULT_KEY,
      row.values,
      row.version === undefined ? '2012-10-17' : row.version,
    ),
    'condition-table',
  );
  const request = createRequest({
    principal: TABLE_PRINCIPAL,
    action: TABLE_ACTION,
    resource: TABLE_RESOURCE,
    context: row.context,
  });
  return evaluate(createPolicySet({ identity: [policy] }), request).decision;
}

function titleOf(row: ConditionRow): string {
  const key = row.key ?? DEFAULT_KEY;
  const outcome = row.expect ? 'holds' : 'fails';
  return `${row.name} | ${row.operator} ${key}=${JSON.stringify(row.values)} vs ${JSON.stringify(row.context)} ${outcome}`;
}

/** Registers one test per row, under a `describe` block with the given title. */
export function conditionTable(title: string, rows: readonly ConditionRow[]): void {
  describe(title, () => {
    it.each(rows.map((row) => [titleOf(row), row] as const))('%s', (_title, row) => {
      expect(evaluateRow(row)).toBe(row.expect ? 'allowed' : 'implicitDeny');
    });
  });
}

/**
 * Compiles the one-statement policy for a condition that the engine must reject, and returns the faults it
 * reported. Fails the calling test when the policy compiles, or when no fault points at the condition.
 */
export function rejectedConditionFaults(
  operator: string,
  values: PolicyValue | readonly PolicyValue[],
  key: string = DEFAULT_KEY,
): readonly PolicyFault[] {
  let caught: unknown;
  try {
    compilePolicyOrThrow(conditionPolicy(operator, key, values), 'condition-table');
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PolicyValidationError);
  const faults = (caught as PolicyValidationError).faults;
  expect(faults.map((f) => f.path)).toContain(`$.Statement[0].Condition.${operator}.${key}`);
  return faults;
}
