import type { Operation } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import type {
  DeleteUserPermissionsBoundaryInput,
  DeleteUserPermissionsBoundaryOutput,
} from '../../protocol/models/iam-types.js';
import { checkName } from '../common/member-constraints.js';
import { authorizedUser } from './user-access.js';
import { USER_NAME_MAX } from './user-fields.js';

/**
 * DeleteUserPermissionsBoundary: removes the user's permissions boundary. The request carries the current
 * boundary as `iam:PermissionsBoundary`, so that policies can protect a boundary from removal.
 */
export const deleteUserPermissionsBoundary: Operation<
  DeleteUserPermissionsBoundaryInput,
  DeleteUserPermissionsBoundaryOutput
> = async (ctx, input) => {
  checkName('userName', input.UserName, USER_NAME_MAX).throwIfAny();
  const user = await authorizedUser(ctx, 'iam:DeleteUserPermissionsBoundary', input.UserName, (row) => {
    const context: Record<string, ContextInput> = {};
    if (row?.permissions_boundary) context['iam:PermissionsBoundary'] = row.permissions_boundary;
    return context;
  });
  await ctx.store.db
    .updateTable('users')
    .set({ permissions_boundary: null })
    .where('id', '=', user.id)
    .execute();
  ctx.policiesChanged();
  return {};
};
