import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListAccessKeysInput, ListAccessKeysOutput } from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkKeyInput, keyOwner, ownerKeys } from './key-owner.js';

/** ListAccessKeys: a user's keys (or the caller's), oldest first, without their secrets. */
export const listAccessKeys: Operation<ListAccessKeysInput, ListAccessKeysOutput> = async (ctx, input) => {
  checkKeyInput(input);

  const owner = await keyOwner(ctx, 'iam:ListAccessKeys', input.UserName);
  const keys = await ownerKeys(ctx.store.db, ctx, owner)
    .select(['id', 'status', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const page = paginate(keys, input);
  return {
    AccessKeyMetadata: page.items.map((k) => ({
      UserName: owner.name,
      AccessKeyId: k.id,
      Status: k.status,
      CreateDate: new Date(k.created_at),
    })),
    ...pageFields(page),
  };
};
