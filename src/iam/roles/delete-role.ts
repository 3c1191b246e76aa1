import type { Transaction } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { DeleteRoleInput, DeleteRoleOutput } from '../../protocol/models/iam-types.js';
import type { Database } from '../../store/schema.js';
import type { Db, RoleRow } from '../common/entity-lookup.js';
import { checkName } from '../common/member-constraints.js';
import { dropTags } from '../common/tags.js';
import { boundaryContext, authorizedRole, isServiceLinked, protectedRole } from './role-access.js';
import { ROLE_NAME_MAX } from './role-input.js';

/**
 * What still refers to a role and must go before it does, checked in the order the IAM User Guide gives
 * ("Deleting an IAM role": instance profiles, inline policies, attached policies), with AWS's messages
 * (recorded: test_iam_roles delete-role errors).
 */
export async function roleDeleteConflict(db: Db, role: RoleRow): Promise<AwsError | undefined> {
  const inProfile = await db
    .selectFrom('instance_profile_roles')
    .select('role_id')
    .where('role_id', '=', role.id)
    .executeTakeFirst();
  if (inProfile) {
    return new AwsError(
      'DeleteConflict',
      'Cannot delete entity, must remove roles from instance profile first.',
    );
  }
  const inline = await db
    .selectFrom('inline_policies')
    .select('name')
    .where('principal_type', '=', 'role')
    .where('principal_id', '=', role.id)
    .executeTakeFirst();
  if (inline) return new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
  const attached = await db
    .selectFrom('attachments')
    .select('policy_arn')
    .where('principal_type', '=', 'role')
    .where('principal_id', '=', role.id)
    .executeTakeFirst();
  if (attached)
    return new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
  return undefined;
}

/** Deletes a role's row and everything that hangs off it (its tags, and for service-linked roles its policies). */
export async function deleteRoleRows(tx: Transaction<Database>, role: RoleRow): Promise<void> {
  await tx
    .deleteFrom('attachments')
    .where('principal_type', '=', 'role')
    .where('principal_id', '=', role.id)
    .execute();
  await tx
    .deleteFrom('inline_policies')
    .where('principal_type', '=', 'role')
    .where('principal_id', '=', role.id)
    .execute();
  await tx.deleteFrom('instance_profile_roles').where('role_id', '=', role.id).execute();
  await dropTags(tx, 'role', role.id);
  await tx.deleteFrom('roles').where('id', '=', role.id).execute();
}

/** DeleteRole: deletes a role that nothing refers to any more. Service-linked roles are AWS's to delete. */
export const deleteRole: Operation<DeleteRoleInput, DeleteRoleOutput> = async (ctx, input) => {
  checkName('roleName', input.RoleName, ROLE_NAME_MAX).throwIfAny();
  const row = await authorizedRole(ctx, 'iam:DeleteRole', input.RoleName, (r) =>
    boundaryContext(r?.permissions_boundary),
  );
  if (isServiceLinked(row)) throw protectedRole(row.name);
  await ctx.store.transaction(async (tx) => {
    const conflict = await roleDeleteConflict(tx, row);
    if (conflict) throw conflict;
    await deleteRoleRows(tx, row);
  });
  ctx.policiesChanged();
  return {};
};
