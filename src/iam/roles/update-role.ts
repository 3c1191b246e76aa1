import type { Operation } from '../../operation/context.js';
import type {
  UpdateRoleDescriptionInput,
  UpdateRoleDescriptionOutput,
  UpdateRoleInput,
  UpdateRoleOutput,
} from '../../protocol/models/iam-types.js';
import { checkName } from '../common/member-constraints.js';
import { authorizedRole } from './role-access.js';
import { checkDescription, checkSessionDuration, ROLE_NAME_MAX } from './role-input.js';
import { createdRoleShape } from './role-shape.js';

/** UpdateRole: changes the description and the maximum session duration; members left out stay as they are. */
export const updateRole: Operation<UpdateRoleInput, UpdateRoleOutput> = async (ctx, input) => {
  const constraints = checkName('roleName', input.RoleName, ROLE_NAME_MAX);
  checkDescription(constraints, input.Description);
  checkSessionDuration(constraints, input.MaxSessionDuration).throwIfAny();
  const row = await authorizedRole(ctx, 'iam:UpdateRole', input.RoleName);
  const changes: { description?: string; max_session_duration?: number } = {};
  if (input.Description !== undefined) changes.description = input.Description;
  if (input.MaxSessionDuration !== undefined) changes.max_session_duration = input.MaxSessionDuration;
  if (Object.keys(changes).length > 0) {
    await ctx.store.db.updateTable('roles').set(changes).where('id', '=', row.id).execute();
  }
  return {};
};

/**
 * UpdateRoleDescription: the older operation, which also returns the role (as CreateRole shapes it, with the
 * new description: recorded in shared/aws-reference, test_iam_roles `update-role-description-response`).
 */
export const updateRoleDescription: Operation<
  UpdateRoleDescriptionInput,
  UpdateRoleDescriptionOutput
> = async (ctx, input) => {
  const constraints = checkName('roleName', input.RoleName, ROLE_NAME_MAX);
  checkDescription(constraints, input.Description).throwIfAny();
  const row = await authorizedRole(ctx, 'iam:UpdateRoleDescription', input.RoleName);
  await ctx.store.db
    .updateTable('roles')
    .set({ description: input.Description })
    .where('id', '=', row.id)
    .execute();
  return { Role: { ...createdRoleShape(row, []), Description: input.Description } };
};
