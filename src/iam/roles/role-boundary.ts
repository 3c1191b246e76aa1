import type { Operation } from '../../operation/context.js';
import type {
  DeleteRolePermissionsBoundaryInput,
  DeleteRolePermissionsBoundaryOutput,
  PutRolePermissionsBoundaryInput,
  PutRolePermissionsBoundaryOutput,
} from '../../protocol/models/iam-types.js';
import { checkName } from '../common/member-constraints.js';
import { checkBoundaryArn, resolveBoundary } from '../policies/boundary.js';
import { authorizedRole, boundaryContext, isServiceLinked, protectedRole } from './role-access.js';
import { ROLE_NAME_MAX } from './role-input.js';

/** PutRolePermissionsBoundary: sets (or replaces) the managed policy that bounds the role's permissions. */
export const putRolePermissionsBoundary: Operation<
  PutRolePermissionsBoundaryInput,
  PutRolePermissionsBoundaryOutput
> = async (ctx, input) => {
  const constraints = checkName('roleName', input.RoleName, ROLE_NAME_MAX);
  constraints.length('permissionsBoundary', input.PermissionsBoundary, 20, 2048).throwIfAny();
  checkBoundaryArn(input.PermissionsBoundary);
  const row = await authorizedRole(ctx, 'iam:PutRolePermissionsBoundary', input.RoleName, () =>
    boundaryContext(input.PermissionsBoundary),
  );
  if (isServiceLinked(row)) throw protectedRole(row.name);
  await resolveBoundary(ctx, ctx.store.db, input.PermissionsBoundary);
  await ctx.store.db
    .updateTable('roles')
    .set({ permissions_boundary: input.PermissionsBoundary })
    .where('id', '=', row.id)
    .execute();
  ctx.policiesChanged();
  return {};
};

/** DeleteRolePermissionsBoundary: removes the role's boundary (a role without one is left as it is). */
export const deleteRolePermissionsBoundary: Operation<
  DeleteRolePermissionsBoundaryInput,
  DeleteRolePermissionsBoundaryOutput
> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const row = await authorizedRole(ctx, 'iam:DeleteRolePermissionsBoundary', input.RoleName, (r) =>
    boundaryContext(r?.permissions_boundary),
  );
  if (isServiceLinked(row)) throw protectedRole(row.name);
  await ctx.store.db
    .updateTable('roles')
    .set({ permissions_boundary: null })
    .where('id', '=', row.id)
    .execute();
  ctx.policiesChanged();
  return {};
};
