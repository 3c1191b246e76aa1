import type { OperationContext } from '../../operation/context.js';
import { rootArn } from '../common/arn.js';
import { callingIdentity } from '../common/calling-user.js';
import type { UserRow } from '../common/entity-lookup.js';
import { authorizedUser, authorizeOnUser } from '../users/user-access.js';
import type { MfaOwner } from './verify-code.js';

/** The owner an operation acts on, with the name its responses show. */
export interface ResolvedOwner {
  readonly owner: MfaOwner;
  /** The IAM user's name; for the root user, the account id (iamd's choice: AWS documents no name for it). */
  readonly userName: string;
  readonly user?: UserRow | undefined;
}

/**
 * Resolves and authorizes the owner of an MFA operation. With a `UserName`, the user (authorized on its ARN, then
 * NoSuchEntity when missing, as AWS records it); without, the caller: an IAM user, or the root user (authorized on
 * the root ARN). The Service Authorization Reference lists `user` as the resource of EnableMFADevice,
 * ResyncMFADevice, DeactivateMFADevice, ListMFADevices and GetMFADevice.
 */
export async function authorizedOwner(
  ctx: OperationContext,
  action: string,
  userName: string | undefined,
): Promise<ResolvedOwner> {
  if (userName !== undefined) {
    const user = await authorizedUser(ctx, action, userName);
    return { owner: { kind: 'user', userId: user.id }, userName: user.name, user };
  }
  const identity = await callingIdentity(ctx);
  if (identity.kind === 'root') {
    await ctx.authorize(action, rootArn(ctx));
    return { owner: { kind: 'root' }, userName: ctx.accountId };
  }
  await authorizeOnUser(ctx, action, identity.user);
  return {
    owner: { kind: 'user', userId: identity.user.id },
    userName: identity.user.name,
    user: identity.user,
  };
}
