import type { Operation } from '../../operation/context.js';
import type { DeleteAccessKeyInput, DeleteAccessKeyOutput } from '../../protocol/models/iam-types.js';
import { checkKeyInput, keyOwner } from './key-owner.js';
import { noSuchAccessKey } from './no-such-key.js';

/** DeleteAccessKey: deletes one of the owner's keys; requests signed with it fail from then on. */
export const deleteAccessKey: Operation<DeleteAccessKeyInput, DeleteAccessKeyOutput> = async (ctx, input) => {
  checkKeyInput(input);
  const owner = await keyOwner(ctx, 'iam:DeleteAccessKey', input.UserName);
  let query = ctx.store.db
    .deleteFrom('access_keys')
    .where('id', '=', input.AccessKeyId)
    .where('account_id', '=', ctx.accountId);
  query =
    owner.kind === 'root' ? query.where('user_id', 'is', null) : query.where('user_id', '=', owner.user.id);
  const result = await query.executeTakeFirst();
  if (result.numDeletedRows === 0n) throw noSuchAccessKey(input.AccessKeyId);
  return {};
};
