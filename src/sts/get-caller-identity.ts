import type { GetCallerIdentityInput, GetCallerIdentityOutput } from '../protocol/models/sts-types.js';
import type { StsContext } from './context.js';

/** GetCallerIdentity needs no permission: every caller may ask who it is (STS API reference). */
export async function getCallerIdentity(
  ctx: StsContext,
  _input: GetCallerIdentityInput,
): Promise<GetCallerIdentityOutput> {
  return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
}
