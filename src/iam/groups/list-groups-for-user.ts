import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListGroupsForUserInput, ListGroupsForUserOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkName } from '../common/member-constraints.js';
import { authorizedUser } from '../users/user-access.js';
import { EXISTING_USER_NAME_MAX } from '../users/user-fields.js';
import { groupShape } from './group-shape.js';

/** ListGroupsForUser: the groups a user belongs to, in name order, one page at a time. */
export const listGroupsForUser: Operation<ListGroupsForUserInput, ListGroupsForUserOutput> = async (
  ctx,
  input,
) => {
  checkName('userName', input.UserName, EXISTING_USER_NAME_MAX).throwIfAny();
  const user = await authorizedUser(ctx, 'iam:ListGroupsForUser', input.UserName);
  const groups = await ctx.store.db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .selectAll('groups')
    .where('group_members.user_id', '=', user.id)
    .orderBy('groups.name_key')
    .execute();
  const page = paginate(groups, input);
  return { Groups: page.items.map(groupShape), ...pageFields(page) };
};
