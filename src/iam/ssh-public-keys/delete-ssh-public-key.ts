import type { Operation } from '../../operation/context.js';
import type { DeleteSSHPublicKeyInput, DeleteSSHPublicKeyOutput } from '../../protocol/models/iam-types.js';
import { authorizedUser } from '../users/user-access.js';
import { checkKeyRef, noSuchKey } from './ssh-key-fields.js';

/** DeleteSSHPublicKey: removes one of the user's keys. */
export const deleteSSHPublicKey: Operation<DeleteSSHPublicKeyInput, DeleteSSHPublicKeyOutput> = async (
  ctx,
  input,
) => {
  checkKeyRef(input).throwIfAny();
  const user = await authorizedUser(ctx, 'iam:DeleteSSHPublicKey', input.UserName);
  const result = await ctx.store.db
    .deleteFrom('ssh_public_keys')
    .where('user_id', '=', user.id)
    .where('id', '=', input.SSHPublicKeyId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw noSuchKey(input.SSHPublicKeyId);
  return {};
};
