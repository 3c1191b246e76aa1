import type { Operation } from '../../operation/context.js';
import type { UpdateAccessKeyInput, UpdateAccessKeyOutput } from '../../protocol/models/iam-types.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { checkKeyInput, keyOwner } from './key-owner.js';
import { noSuchAccessKey } from './no-such-key.js';

const STATUSES = ['Active', 'Inactive'] as const;
type Status = (typeof STATUSES)[number];

/** UpdateAccessKey: activates or deactivates one of the owner's keys (key rotation). */
export const updateAccessKey: Operation<UpdateAccessKeyInput, UpdateAccessKeyOutput> = async (ctx, input) => {
  checkKeyInput(input);
  new MemberConstraints().oneOf('status', input.Status, STATUSES).throwIfAny();

  const owner = await keyOwner(ctx, 'iam:UpdateAccessKey', input.UserName);
  let query = ctx.store.db
    .updateTable('access_keys')
    .set({ status: input.Status as Status })
    .where('id', '=', input.AccessKeyId)
    .where('account_id', '=', ctx.accountId);
  query =
    owner.kind === 'root' ? query.where('user_id', 'is', null) : query.where('user_id', '=', owner.user.id);
  const result = await query.executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw noSuchAccessKey(input.AccessKeyId);
  return {};
};
