import type { Operation } from '../../operation/context.js';
import type {
  UpdateAssumeRolePolicyInput,
  UpdateAssumeRolePolicyOutput,
} from '../../protocol/models/iam-types.js';
import { checkName } from '../common/member-constraints.js';
import { authorizedRole, isServiceLinked, protectedRole } from './role-access.js';
import { ROLE_NAME_MAX } from './role-input.js';
import { checkTrustPolicy } from './trust-policy.js';

/** UpdateAssumeRolePolicy: replaces a role's trust policy. */
export const updateAssumeRolePolicy: Operation<
  UpdateAssumeRolePolicyInput,
  UpdateAssumeRolePolicyOutput
> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const row = await authorizedRole(ctx, 'iam:UpdateAssumeRolePolicy', input.RoleName);
  checkTrustPolicy(input.PolicyDocument);
  if (isServiceLinked(row)) throw protectedRole(row.name);
  await ctx.store.db
    .updateTable('roles')
    .set({ assume_role_policy: input.PolicyDocument })
    .where('id', '=', row.id)
    .execute();
  ctx.policiesChanged();
  return {};
};
