import type { Operation } from '../../operation/context.js';
import { parsePolicy, type PolicyDocument } from '../../policy/index.js';
import type {
  GetContextKeysForPrincipalPolicyInput,
  GetContextKeysForPrincipalPolicyOutput,
} from '../../protocol/models/iam-types.js';
import { existing } from '../common/entity-lookup.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { findIdentity, noSuchIdentity } from '../policies/identity.js';
import { loadPrincipalPolicies } from '../principal-policies.js';
import { contextKeyNames, parseInputPolicy } from './policy-context-keys.js';
import { policySource } from './policy-source.js';

/**
 * GetContextKeysForPrincipalPolicy: the context keys referred to by the identity-based policies of a user (with
 * its groups'), group or role, inline and managed, then by any policies given as strings (API reference). The
 * permissions boundary is not among them: the API reference names only the policies attached to the entity.
 */
export const getContextKeysForPrincipalPolicy: Operation<
  GetContextKeysForPrincipalPolicyInput,
  GetContextKeysForPrincipalPolicyOutput
> = async (ctx, input) => {
  new MemberConstraints().length('policySourceArn', input.PolicySourceArn, 20, 2048).throwIfAny();
  await ctx.authorize('iam:GetContextKeysForPrincipalPolicy', input.PolicySourceArn);
  const source = policySource(input.PolicySourceArn, ctx.accountId);
  const identity = existing(await findIdentity(ctx.store.db, ctx.accountId, source.kind, source.name), () =>
    noSuchIdentity(source.kind, source.name),
  );
  const policies = await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
    type: source.kind,
    id: identity.id,
  });
  // Stored policies were validated when they were put; one that no longer parses refers to nothing.
  const stored = policies.identity.flatMap((p): PolicyDocument[] => {
    const parsed = parsePolicy(p.document);
    return parsed.ok ? [parsed.policy] : [];
  });
  const given = (input.PolicyInputList ?? []).map(parseInputPolicy);
  return { ContextKeyNames: contextKeyNames([...stored, ...given]) };
};
