/**
 * Actions whose resource-based policy must allow the request even within one account. For most resources an
 * allow in either the identity-based or the resource-based policy suffices, but role trust policies and KMS key
 * policies are exceptions: they must allow the principal (or delegate to the account) themselves.
 * Source: IAM User Guide, "How AWS enforcement code logic evaluates requests to allow or deny access".
 */
const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
]);

/** True for the actions a role trust policy governs (the AssumeRole family and the session actions). */
export function isTrustPolicyAction(action: string): boolean {
  return TRUST_ACTIONS.has(action.toLowerCase());
}

/** True when the action is governed by a trust policy or a KMS key policy. */
export function resourcePolicyRequired(action: string): boolean {
  const lower = action.toLowerCase();
  return TRUST_ACTIONS.has(lower) || lower.startsWith('kms:');
}
