import type { OperationContext } from '../../../operation/context.js';
import type { ManagedPolicy } from '../../../operation/managed-policies.js';
import type { GetPolicyOutput } from '../../../protocol/models/iam-types.js';
import type { Tag } from '../../common/tags.js';
import { awsManagedArn, type PolicyRow, type ResolvedPolicy } from '../resolve.js';
import type { PolicyUsage } from './policy-usage.js';

/** A managed policy as IAM's responses shape it. */
export type PolicyShape = NonNullable<GetPolicyOutput['Policy']>;

/**
 * The fields every response that carries a managed policy has. GetPolicy adds the description and the tags
 * (always, if only `[]`); CreatePolicy adds the tags it was given; ListPolicies adds neither (recorded in
 * shared/aws-reference, test_iam_policies and test_iam_managed_policies).
 */
export function localPolicyShape(row: PolicyRow, usage: PolicyUsage): PolicyShape {
  return {
    PolicyName: row.name,
    PolicyId: row.id,
    Arn: row.arn,
    Path: row.path,
    DefaultVersionId: row.default_version_id,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    CreateDate: new Date(row.created_at),
    UpdateDate: new Date(row.updated_at),
  };
}

/** An AWS managed policy's fields, with the account's usage of it. */
export function awsPolicyShape(
  ctx: Pick<OperationContext, 'partition'>,
  policy: ManagedPolicy,
  usage: PolicyUsage,
): PolicyShape {
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: awsManagedArn(ctx, policy),
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
  };
}

/** Either kind of managed policy, as GetPolicy returns it: with its description and tags. */
export function describedPolicyShape(
  ctx: Pick<OperationContext, 'partition'>,
  policy: ResolvedPolicy,
  usage: PolicyUsage,
  tags: readonly Tag[],
): PolicyShape {
  const base =
    policy.kind === 'aws' ? awsPolicyShape(ctx, policy.policy, usage) : localPolicyShape(policy.row, usage);
  const description =
    policy.kind === 'aws' ? policy.policy.description : (policy.row.description ?? undefined);
  return { ...base, ...(description ? { Description: description } : {}), Tags: [...tags] };
}
