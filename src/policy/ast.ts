/**
 * The typed form of an IAM JSON policy document, produced once by `parsePolicy`.
 * Every list element of the grammar is normalised to an array, so later stages never branch on "string or list".
 */

/** The two policy-language versions AWS knows. Policy variables are substituted only in `2012-10-17`. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** A parsed policy document. */
export interface PolicyDocument {
  /** The `Version` element; `undefined` when the document omits it (AWS then behaves as for `2008-10-17`). */
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
}

/** `Allow` or `Deny`. */
export type Effect = 'Allow' | 'Deny';

/** A principal block: `"*"`, or a map of principal kinds to lists of identifiers. */
export type PrincipalBlock =
  | { readonly kind: 'any' }
  | {
      readonly kind: 'map';
      readonly aws: readonly string[];
      readonly service: readonly string[];
      readonly federated: readonly string[];
      readonly canonicalUser: readonly string[];
    };

/** One `Condition` entry: an operator applied to one key with its list of values. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The condition key as written, e.g. `aws:PrincipalTag/team`. */
  readonly key: string;
  /** The policy values, as strings (JSON booleans and numbers are stringified, as AWS does). */
  readonly values: readonly string[];
}

/** One statement, with every element normalised. Exactly one of each pair (Action/NotAction, …) is set. */
export interface Statement {
  /** The statement's position in its policy. */
  readonly index: number;
  /** The statement's JSON path: `$.Statement[i]`, or `$.Statement` when the policy holds a single object. */
  readonly path: string;
  /** The elements written as a bare string rather than a list (`Action`, `Resource`, …), for fault paths. */
  readonly scalarElements: readonly string[];
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: PrincipalBlock | undefined;
  readonly notPrincipal: PrincipalBlock | undefined;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly conditions: readonly ConditionClause[];
}
