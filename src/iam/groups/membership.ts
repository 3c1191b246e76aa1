import type { OperationContext } from '../../operation/context.js';
import { iamArn } from '../common/arn.js';
import {
  findGroup,
  findUser,
  noSuchGroup,
  noSuchUser,
  type GroupRow,
  type UserRow,
} from '../common/entity-lookup.js';
import { checkName, NAME_PATTERN } from '../common/member-constraints.js';
import { EXISTING_USER_NAME_MAX, GROUP_NAME_MAX } from '../users/user-fields.js';

/**
 * The user and group of AddUserToGroup / RemoveUserFromGroup, after authorizing `action` on the group (the
 * resource AWS authorizes membership changes against). When both are missing AWS names the user (recorded in
 * shared/aws-reference, test_remove_user_from_unknown_group), so the user is checked first.
 */
export async function membershipSubjects(
  ctx: OperationContext,
  action: string,
  input: { GroupName: string; UserName: string },
): Promise<{ user: UserRow; group: GroupRow }> {
  checkName('groupName', input.GroupName, GROUP_NAME_MAX)
    .length('userName', input.UserName, 1, EXISTING_USER_NAME_MAX)
    .pattern('userName', input.UserName, NAME_PATTERN)
    .throwIfAny();

  const [user, group] = await Promise.all([
    findUser(ctx.store.db, ctx.accountId, input.UserName),
    findGroup(ctx.store.db, ctx.accountId, input.GroupName),
  ]);
  await ctx.authorize(action, group?.arn ?? iamArn(ctx, 'group', '/', input.GroupName));
  if (user === undefined) throw noSuchUser(input.UserName);
  if (group === undefined) throw noSuchGroup(input.GroupName);
  return { user, group };
}
