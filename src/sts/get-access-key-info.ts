import type { GetAccessKeyInfoInput, GetAccessKeyInfoOutput } from '../protocol/models/sts-types.js';
import type { StsContext } from './context.js';

/**
 * GetAccessKeyInfo: the account that owns an access key id, long-term or temporary. Keys this iamd does not
 * know are reported as belonging to the caller's account (AWS decodes the account from the key id itself, which
 * iamd's random ids do not carry).
 */
export async function getAccessKeyInfo(
  ctx: StsContext,
  input: GetAccessKeyInfoInput,
): Promise<GetAccessKeyInfoOutput> {
  await ctx.authorize('sts:GetAccessKeyInfo', '*');
  const longTerm = await ctx.store.db
    .selectFrom('access_keys')
    .select('account_id')
    .where('id', '=', input.AccessKeyId)
    .executeTakeFirst();
  const temporary =
    longTerm ??
    (await ctx.store.db
      .selectFrom('sessions')
      .select('account_id')
      .where('access_key_id', '=', input.AccessKeyId)
      .executeTakeFirst());
  return { Account: temporary?.account_id ?? ctx.accountId };
}
