import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import { noSuchUser, type UserRow } from './entity-lookup.js';

/**
 * Who an operation with an optional `UserName` (GetUser, the access-key operations) acts on when the name is
 * omitted: the calling IAM user, or the account's root user for root credentials.
 */
export type CallingIdentity = { readonly kind: 'root' } | { readonly kind: 'user'; readonly user: UserRow };

/**
 * Resolves the caller as the subject of an operation whose `UserName` was omitted. AWS refuses this to callers
 * that are neither an IAM user nor the root user, with "Must specify userName when calling with non-User
 * credentials" (recorded in shared/aws-reference, DeleteAccessKey as an assumed role).
 */
export async function callingIdentity(ctx: OperationContext): Promise<CallingIdentity> {
  const caller = ctx.caller;
  if (caller.kind === 'root') return { kind: 'root' };
  if (caller.kind !== 'user') {
    throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
  }
  // The user id is stable across renames, unlike the name the credentials were issued under.
  const id = caller.policyHolder?.id ?? caller.userId;
  const user = await ctx.store.db
    .selectFrom('users')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (user === undefined) throw noSuchUser(caller.userName ?? id);
  return { kind: 'user', user };
}
