import type { Operation } from '../../../operation/context.js';
import type { GetPolicyInput, GetPolicyOutput } from '../../../protocol/models/iam-types.js';
import { authorizedPolicy, checkPolicyArn } from './policy-access.js';
import { describedPolicyShape } from './policy-shape.js';
import { policyTags } from './policy-tag-store.js';
import { usageOf } from './policy-usage.js';

/** GetPolicy: a managed policy (AWS managed or the account's own) with its usage counts and tags. */
export const getPolicy: Operation<GetPolicyInput, GetPolicyOutput> = async (ctx, input) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  const policy = await authorizedPolicy(ctx, 'iam:GetPolicy', input.PolicyArn);
  const usage = await usageOf(ctx.store.db, ctx.accountId, policy.arn);
  const tags = policy.kind === 'local' ? await policyTags(ctx.store.db, policy.row.id) : [];
  return { Policy: describedPolicyShape(ctx, policy, usage, tags) };
};
