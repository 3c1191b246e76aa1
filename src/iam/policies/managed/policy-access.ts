import { AwsError } from '../../../errors/aws-error.js';
import type { OperationContext } from '../../../operation/context.js';
import type { ContextInput } from '../../../policy/index.js';
import { MemberConstraints } from '../../common/member-constraints.js';
import { resourceTagContext } from '../../common/tag-input.js';
import { listTags } from '../../common/tags.js';
import { resolvePolicy, type PolicyRow, type ResolvedPolicy } from '../resolve.js';

/** Checks a PolicyArn member (20–2048 characters). */
export function checkPolicyArn(arn: string): MemberConstraints {
  return new MemberConstraints().length('policyArn', arn, 20, 2048);
}

/** AWS's NoSuchEntity for a policy ARN that names nothing (GetPolicy, DeletePolicy, TagPolicy, …). */
export function policyNotFound(arn: string): AwsError {
  return new AwsError('NoSuchEntity', `Policy ${arn} was not found.`);
}

/** AWS's NoSuchEntity for a version that does not exist (or a policy that does not). */
export function versionNotFound(arn: string, versionId: string): AwsError {
  return new AwsError(
    'NoSuchEntity',
    `Policy ${arn} version ${versionId} does not exist or is not attachable.`,
  );
}

/**
 * Resolves a managed policy ARN and authorizes the action on it (a customer managed policy's tags become
 * `aws:ResourceTag/…`), before reporting a missing policy with `missing`.
 */
export async function authorizedPolicy(
  ctx: OperationContext,
  action: string,
  arn: string,
  missing: () => AwsError = () => policyNotFound(arn),
  extra: Readonly<Record<string, ContextInput>> = {},
): Promise<ResolvedPolicy> {
  const policy = await resolvePolicy(ctx, ctx.store.db, arn);
  const tags = policy?.kind === 'local' ? await listTags(ctx.store.db, 'policy', policy.row.id) : [];
  await ctx.authorize(action, arn, { ...resourceTagContext(tags), ...extra });
  if (policy === undefined) throw missing();
  return policy;
}

/**
 * Only the account's own policies can be changed; AWS refuses changes to AWS managed ones with AccessDenied
 * and a message per operation (recorded: test_iam_managed_policies `test_aws_managed_policy_errors`).
 */
export function ownPolicy(policy: ResolvedPolicy, refusal: string): PolicyRow {
  if (policy.kind === 'aws') throw new AwsError('AccessDenied', refusal);
  return policy.row;
}
