import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { GetGroupInput, GetGroupOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkName } from '../common/member-constraints.js';
import { GROUP_NAME_MAX } from '../users/user-fields.js';
import { userListShape } from '../users/user-shape.js';
import { authorizedGroup } from './group-access.js';
import { groupShape } from './group-shape.js';

/** GetGroup: the group and its members in name order, the members one page at a time. */
export const getGroup: Operation<GetGroupInput, GetGroupOutput> = async (ctx, input) => {
  checkName('groupName', input.GroupName, GROUP_NAME_MAX).throwIfAny();
  const group = await authorizedGroup(ctx, 'iam:GetGroup', input.GroupName);
  const members = await ctx.store.db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .selectAll('users')
    .where('group_members.group_id', '=', group.id)
    .orderBy('users.name_key')
    .execute();
  const page = paginate(members, input);
  return { Group: groupShape(group), Users: page.items.map(userListShape), ...pageFields(page) };
};
