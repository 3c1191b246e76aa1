import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { AddUserToGroupInput, AddUserToGroupOutput } from '../../protocol/models/iam-types.js';
import { QUOTAS } from '../common/quotas.js';
import { membershipSubjects } from './membership.js';

/** AddUserToGroup: idempotent; a user may be in at most 10 groups ("IAM and AWS STS quotas"). */
export const addUserToGroup: Operation<AddUserToGroupInput, AddUserToGroupOutput> = async (ctx, input) => {
  const { user, group } = await membershipSubjects(ctx, 'iam:AddUserToGroup', input);
  await ctx.store.transaction(async (tx) => {
    const memberships = await tx
      .selectFrom('group_members')
      .select('group_id')
      .where('user_id', '=', user.id)
      .execute();
    if (memberships.some((m) => m.group_id === group.id)) return;
    if (memberships.length >= QUOTAS.GroupsPerUserQuota) {
      throw new AwsError(
        'LimitExceeded',
        `Cannot exceed quota for GroupsPerUser: ${QUOTAS.GroupsPerUserQuota}`,
      );
    }
    await tx
      .insertInto('group_members')
      .values({ account_id: ctx.accountId, group_id: group.id, user_id: user.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  ctx.policiesChanged();
  return {};
};
