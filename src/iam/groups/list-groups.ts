import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListGroupsInput, ListGroupsOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkPathPrefix } from '../common/member-constraints.js';
import { listResource } from '../common/resources.js';
import { groupShape } from './group-shape.js';

/** ListGroups: the account's groups whose path starts with `PathPrefix`, in name order, one page at a time. */
export const listGroups: Operation<ListGroupsInput, ListGroupsOutput> = async (ctx, input) => {
  checkPathPrefix(input.PathPrefix);
  await ctx.authorize('iam:ListGroups', listResource(ctx, 'group', input.PathPrefix));
  const prefix = input.PathPrefix ?? '/';
  const rows = await ctx.store.db
    .selectFrom('groups')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  const page = paginate(
    rows.filter((g) => g.path.startsWith(prefix)),
    input,
  );
  return { Groups: page.items.map(groupShape), ...pageFields(page) };
};
