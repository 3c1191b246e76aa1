import type { Transaction } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { DeleteUserInput, DeleteUserOutput } from '../../protocol/models/iam-types.js';
import type { Database } from '../../store/schema.js';
import { noSuchUser } from '../common/entity-lookup.js';
import { checkName } from '../common/member-constraints.js';
import { dropTags } from '../common/tags.js';
import { authorizedUser } from './user-access.js';
import { EXISTING_USER_NAME_MAX } from './user-fields.js';

/**
 * DeleteUser. AWS refuses to delete a user that still has credentials, policies or group memberships
 * (DeleteConflict); they must be removed first, in the order the API reference lists them (DeleteUser: password,
 * access keys, …, inline policies, attached managed policies, group memberships).
 */
export const deleteUser: Operation<DeleteUserInput, DeleteUserOutput> = async (ctx, input) => {
  checkName('userName', input.UserName, EXISTING_USER_NAME_MAX).throwIfAny();

  const user = await authorizedUser(ctx, 'iam:DeleteUser', input.UserName);
  await ctx.store.transaction(async (tx) => {
    const conflict = await firstDependent(tx, user.id);
    if (conflict !== undefined)
      throw new AwsError('DeleteConflict', `Cannot delete entity, must ${conflict} first.`);
    await dropTags(tx, 'user', user.id);
    // The password history and console sessions go with the user (they are not dependents AWS names).
    await tx.deleteFrom('password_history').where('user_id', '=', user.id).execute();
    await tx.deleteFrom('console_sessions').where('user_id', '=', user.id).execute();
    const result = await tx.deleteFrom('users').where('id', '=', user.id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw noSuchUser(input.UserName);
  });
  ctx.policiesChanged();
  return {};
};

/**
 * What still depends on the user, as the phrase in AWS's DeleteConflict message. The phrases for inline and
 * attached policies are recorded in shared/aws-reference (test_delete_user_with_*_policy); the others are the
 * messages AWS returns in practice ("must delete login profile first", "must delete access keys first", "must
 * delete MFA device first", "must
 * remove users from group first").
 */
async function firstDependent(tx: Transaction<Database>, userId: string): Promise<string | undefined> {
  const has = async (query: Promise<unknown>) => (await query) !== undefined;
  if (
    await has(
      tx.selectFrom('login_profiles').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
    )
  ) {
    return 'delete login profile';
  }
  if (await has(tx.selectFrom('access_keys').select('id').where('user_id', '=', userId).executeTakeFirst())) {
    return 'delete access keys';
  }
  // The phrase AWS returns for a user with an MFA device ("Cannot delete entity, must delete MFA device first.").
  if (
    await has(
      tx.selectFrom('mfa_devices').select('serial_number').where('owner', '=', userId).executeTakeFirst(),
    )
  ) {
    return 'delete MFA device';
  }
  const principal = (table: 'inline_policies' | 'attachments') =>
    tx
      .selectFrom(table)
      .select('principal_id')
      .where('principal_type', '=', 'user')
      .where('principal_id', '=', userId)
      .executeTakeFirst();
  if (await has(principal('inline_policies'))) return 'delete policies';
  if (await has(principal('attachments'))) return 'detach all policies';
  if (
    await has(
      tx.selectFrom('group_members').select('group_id').where('user_id', '=', userId).executeTakeFirst(),
    )
  ) {
    return 'remove users from group';
  }
  return undefined;
}
