import type { Operation } from '../../operation/context.js';
import type { UpdateSSHPublicKeyInput, UpdateSSHPublicKeyOutput } from '../../protocol/models/iam-types.js';
import { authorizedUser } from '../users/user-access.js';
import { checkKeyRef, KEY_STATUSES, noSuchKey } from './ssh-key-fields.js';

/** UpdateSSHPublicKey: activates or deactivates one of the user's keys. */
export const updateSSHPublicKey: Operation<UpdateSSHPublicKeyInput, UpdateSSHPublicKeyOutput> = async (
  ctx,
  input,
) => {
  checkKeyRef(input).oneOf('status', input.Status, KEY_STATUSES).throwIfAny();
  const user = await authorizedUser(ctx, 'iam:UpdateSSHPublicKey', input.UserName);
  const result = await ctx.store.db
    .updateTable('ssh_public_keys')
    .set({ status: input.Status as (typeof KEY_STATUSES)[number] })
    .where('user_id', '=', user.id)
    .where('id', '=', input.SSHPublicKeyId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw noSuchKey(input.SSHPublicKeyId);
  return {};
};
