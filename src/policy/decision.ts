import type { Effect } from './ast.js';

/** AWS's `EvalDecision` values. */
export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The kinds of policy that take part in a decision. */
export type PolicyType = 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';

/** A statement that matched the request. */
export interface MatchedStatement {
  readonly type: PolicyType;
  /** The policy's name, or a label such as `identityPolicies[1]` for an unnamed one. */
  readonly policy: string;
  readonly statement: number;
  readonly sid?: string;
  readonly effect: Effect;
}

/** A decision with its explanation. */
export interface Decision {
  readonly decision: EvalDecision;
  /** Every statement that matched, allow and deny alike, in evaluation order. */
  readonly matchedStatements: readonly MatchedStatement[];
  /**
   * For a denial: the policy type that denied (explicitly) or failed to allow (implicitly). For an
   * implicit deny where nothing could allow, `identity`.
   */
  readonly blockedBy: PolicyType | undefined;
  /** Condition keys that a statement asked for and the request did not have. */
  readonly missingContextKeys: readonly string[];
  /** One sentence on why. */
  readonly reason: string;
}
