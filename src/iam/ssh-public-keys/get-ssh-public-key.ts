import type { Operation } from '../../operation/context.js';
import type { GetSSHPublicKeyInput, GetSSHPublicKeyOutput } from '../../protocol/models/iam-types.js';
import { existing } from '../common/entity-lookup.js';
import { authorizedUser } from '../users/user-access.js';
import { checkKeyRef, KEY_ENCODINGS, noSuchKey } from './ssh-key-fields.js';
import { encoded, type KeyEncoding } from './ssh-key.js';

/** GetSSHPublicKey: one of the user's keys, written in the requested encoding (`SSH` or `PEM`). */
export const getSSHPublicKey: Operation<GetSSHPublicKeyInput, GetSSHPublicKeyOutput> = async (ctx, input) => {
  checkKeyRef(input).oneOf('encoding', input.Encoding, KEY_ENCODINGS).throwIfAny();
  const user = await authorizedUser(ctx, 'iam:GetSSHPublicKey', input.UserName);
  const key = existing(
    await ctx.store.db
      .selectFrom('ssh_public_keys')
      .selectAll()
      .where('user_id', '=', user.id)
      .where('id', '=', input.SSHPublicKeyId)
      .executeTakeFirst(),
    () => noSuchKey(input.SSHPublicKeyId),
  );
  return {
    SSHPublicKey: {
      UserName: user.name,
      SSHPublicKeyId: key.id,
      Fingerprint: key.fingerprint,
      SSHPublicKeyBody: encoded(key.body, input.Encoding as KeyEncoding),
      Status: key.status,
      UploadDate: new Date(key.created_at),
    },
  };
};
