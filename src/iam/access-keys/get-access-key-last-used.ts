import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  GetAccessKeyLastUsedInput,
  GetAccessKeyLastUsedOutput,
} from '../../protocol/models/iam-types.js';
import { rootArn } from '../common/arn.js';
import { checkKeyInput, ROOT_KEY_USER_NAME } from './key-owner.js';

/**
 * GetAccessKeyLastUsed: when, where and with which service a key was last used, and its owner's name. A key that
 * was never used reports "N/A" for region and service (recorded: test_access_key_last_used). A key that does not
 * exist in the account gives AccessDenied rather than NoSuchEntity, with AWS's wording (recorded:
 * test_access_key_errors), so the operation cannot be used to probe for keys.
 */
export const getAccessKeyLastUsed: Operation<GetAccessKeyLastUsedInput, GetAccessKeyLastUsedOutput> = async (
  ctx,
  input,
) => {
  checkKeyInput(input);
  const key = await ctx.store.db
    .selectFrom('access_keys')
    .leftJoin('users', 'users.id', 'access_keys.user_id')
    .select([
      'access_keys.user_id',
      'access_keys.last_used_at',
      'access_keys.last_used_service',
      'access_keys.last_used_region',
      'users.name',
      'users.arn',
    ])
    .where('access_keys.id', '=', input.AccessKeyId)
    .where('access_keys.account_id', '=', ctx.accountId)
    .executeTakeFirst();
  if (key === undefined) {
    throw new AwsError(
      'AccessDenied',
      `User: ${ctx.caller.arn} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${input.AccessKeyId}`,
    );
  }
  await ctx.authorize('iam:GetAccessKeyLastUsed', key.arn ?? rootArn(ctx));
  return {
    UserName: key.user_id === null ? ROOT_KEY_USER_NAME : (key.name ?? ''),
    AccessKeyLastUsed: {
      ...(key.last_used_at === null ? {} : { LastUsedDate: new Date(key.last_used_at) }),
      ServiceName: key.last_used_service ?? 'N/A',
      Region: key.last_used_region ?? 'N/A',
    },
  };
};
