import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListUsersInput, ListUsersOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkPathPrefix } from '../common/member-constraints.js';
import { listResource } from '../common/resources.js';
import { userListShape } from './user-shape.js';

/** ListUsers: the account's users whose path starts with `PathPrefix`, in name order, one page at a time. */
export const listUsers: Operation<ListUsersInput, ListUsersOutput> = async (ctx, input) => {
  checkPathPrefix(input.PathPrefix);
  await ctx.authorize('iam:ListUsers', listResource(ctx, 'user', input.PathPrefix));
  const prefix = input.PathPrefix ?? '/';
  const rows = await ctx.store.db
    .selectFrom('users')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  // Filtered here rather than with LIKE: paths may contain `%` and `_`.
  const page = paginate(
    rows.filter((u) => u.path.startsWith(prefix)),
    input,
  );
  return { Users: page.items.map(userListShape), ...pageFields(page) };
};
