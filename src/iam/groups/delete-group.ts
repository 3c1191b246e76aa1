import type { Transaction } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { DeleteGroupInput, DeleteGroupOutput } from '../../protocol/models/iam-types.js';
import type { Database } from '../../store/schema.js';
import { noSuchGroup } from '../common/entity-lookup.js';
import { checkName } from '../common/member-constraints.js';
import { GROUP_NAME_MAX } from '../users/user-fields.js';
import { authorizedGroup } from './group-access.js';

/**
 * DeleteGroup. AWS refuses to delete a group that still has members, inline policies or attached managed
 * policies (DeleteConflict), in the order the API reference lists them (DeleteGroup).
 */
export const deleteGroup: Operation<DeleteGroupInput, DeleteGroupOutput> = async (ctx, input) => {
  checkName('groupName', input.GroupName, GROUP_NAME_MAX).throwIfAny();

  const group = await authorizedGroup(ctx, 'iam:DeleteGroup', input.GroupName);
  await ctx.store.transaction(async (tx) => {
    const conflict = await firstDependent(tx, group.id);
    if (conflict !== undefined)
      throw new AwsError('DeleteConflict', `Cannot delete entity, must ${conflict} first.`);
    const result = await tx.deleteFrom('groups').where('id', '=', group.id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw noSuchGroup(input.GroupName);
  });
  ctx.policiesChanged();
  return {};
};

/** What still depends on the group, as the phrase in AWS's DeleteConflict message. */
async function firstDependent(tx: Transaction<Database>, groupId: string): Promise<string | undefined> {
  const member = await tx
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  if (member !== undefined) return 'remove users from group';
  const principal = (table: 'inline_policies' | 'attachments') =>
    tx
      .selectFrom(table)
      .select('principal_id')
      .where('principal_type', '=', 'group')
      .where('principal_id', '=', groupId)
      .executeTakeFirst();
  if ((await principal('inline_policies')) !== undefined) return 'delete policies';
  if ((await principal('attachments')) !== undefined) return 'detach all policies';
  return undefined;
}
