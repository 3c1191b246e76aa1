import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListRolesInput, ListRolesOutput } from '../../protocol/models/iam-types.js';
import { iamArn } from '../common/arn.js';
import { pageFields } from '../common/list-page.js';
import { checkPathPrefix } from '../common/member-constraints.js';
import { listedRoleShape } from './role-shape.js';

/** ListRoles: the account's roles under a path prefix, in name order, paginated. */
export const listRoles: Operation<ListRolesInput, ListRolesOutput> = async (ctx, input) => {
  checkPathPrefix(input.PathPrefix);
  const prefix = input.PathPrefix ?? '/';
  // IAM authorizes list operations on the path: "… iam:ListRoles on resource: arn:aws:iam::…:role/".
  await ctx.authorize('iam:ListRoles', iamArn(ctx, 'role', prefix, ''));
  const rows = await ctx.store.db
    .selectFrom('roles')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  const page = paginate(
    rows.filter((r) => r.path.startsWith(prefix)),
    input,
  );
  return { Roles: page.items.map(listedRoleShape), ...pageFields(page) };
};
