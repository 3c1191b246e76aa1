import { AwsError } from '../../../errors/aws-error.js';
import type { Operation } from '../../../operation/context.js';
import type { DeletePolicyInput, DeletePolicyOutput } from '../../../protocol/models/iam-types.js';
import { authorizedPolicy, checkPolicyArn, ownPolicy } from './policy-access.js';
import { usageOf } from './policy-usage.js';

/**
 * DeletePolicy: deletes a customer managed policy that is attached to nothing, bounds nothing, and has no
 * version but its default one (IAM API reference, DeletePolicy).
 */
export const deletePolicy: Operation<DeletePolicyInput, DeletePolicyOutput> = async (ctx, input) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  const policy = await authorizedPolicy(ctx, 'iam:DeletePolicy', input.PolicyArn);
  const row = ownPolicy(policy, 'Cannot delete policies outside your own account.');
  await ctx.store.transaction(async (tx) => {
    const usage = await usageOf(tx, ctx.accountId, row.arn);
    if (usage.attachments > 0 || usage.boundaries > 0) {
      throw new AwsError('DeleteConflict', 'Cannot delete a policy attached to entities.');
    }
    const versions = await tx
      .selectFrom('policy_versions')
      .select('version_id')
      .where('policy_id', '=', row.id)
      .execute();
    if (versions.length > 1) {
      throw new AwsError(
        'DeleteConflict',
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    await tx.deleteFrom('policy_versions').where('policy_id', '=', row.id).execute();
    await tx
      .deleteFrom('tags')
      .where('resource_type', '=', 'policy')
      .where('resource_id', '=', row.id)
      .execute();
    await tx.deleteFrom('policies').where('id', '=', row.id).execute();
  });
  ctx.policiesChanged();
  return {};
};
