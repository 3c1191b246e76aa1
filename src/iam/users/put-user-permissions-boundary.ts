import type { Operation } from '../../operation/context.js';
import type {
  PutUserPermissionsBoundaryInput,
  PutUserPermissionsBoundaryOutput,
} from '../../protocol/models/iam-types.js';
import { checkName } from '../common/member-constraints.js';
import { checkBoundaryArn, resolveBoundary } from '../policies/boundary.js';
import { authorizedUser } from './user-access.js';
import { USER_NAME_MAX } from './user-fields.js';

/**
 * PutUserPermissionsBoundary: sets (or replaces) the managed policy that bounds the user's permissions. The
 * request carries `iam:PermissionsBoundary` so that policies can restrict which boundaries may be set.
 */
export const putUserPermissionsBoundary: Operation<
  PutUserPermissionsBoundaryInput,
  PutUserPermissionsBoundaryOutput
> = async (ctx, input) => {
  checkName('userName', input.UserName, USER_NAME_MAX)
    .length('permissionsBoundary', input.PermissionsBoundary, 20, 2048)
    .throwIfAny();
  checkBoundaryArn(input.PermissionsBoundary);

  const user = await authorizedUser(ctx, 'iam:PutUserPermissionsBoundary', input.UserName, () => ({
    'iam:PermissionsBoundary': input.PermissionsBoundary,
  }));
  await resolveBoundary(ctx, ctx.store.db, input.PermissionsBoundary);
  await ctx.store.db
    .updateTable('users')
    .set({ permissions_boundary: input.PermissionsBoundary })
    .where('id', '=', user.id)
    .execute();
  ctx.policiesChanged();
  return {};
};
