import type { Operation } from '../../operation/context.js';
import type { RemoveUserFromGroupInput, RemoveUserFromGroupOutput } from '../../protocol/models/iam-types.js';
import { membershipSubjects } from './membership.js';

/** RemoveUserFromGroup: removing a user that is not a member succeeds, as on AWS (test_user_group_membership). */
export const removeUserFromGroup: Operation<RemoveUserFromGroupInput, RemoveUserFromGroupOutput> = async (
  ctx,
  input,
) => {
  const { user, group } = await membershipSubjects(ctx, 'iam:RemoveUserFromGroup', input);
  await ctx.store.db
    .deleteFrom('group_members')
    .where('group_id', '=', group.id)
    .where('user_id', '=', user.id)
    .execute();
  ctx.policiesChanged();
  return {};
};
