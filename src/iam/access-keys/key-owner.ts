import type { Kysely } from 'kysely';
import type { OperationContext } from '../../operation/context.js';
import type { Database } from '../../store/schema.js';
import { rootArn } from '../common/arn.js';
import { callingIdentity } from '../common/calling-user.js';
import type { UserRow } from '../common/entity-lookup.js';
import { authorizedUser, authorizeOnUser } from '../users/user-access.js';
import { checkOptionalName, EXISTING_USER_NAME_MAX } from '../users/user-fields.js';

/**
 * Whose access keys an operation works on: a named IAM user, or when `UserName` is omitted the caller, which may be
 * the account's root user (root keys are stored with a null `user_id`).
 */
export type KeyOwner =
  | { readonly kind: 'root'; readonly arn: string; readonly name: string }
  | { readonly kind: 'user'; readonly arn: string; readonly name: string; readonly user: UserRow };

/**
 * The name AWS reports as a root key's `UserName`. The model requires the member; AWS fills it with "root" for
 * the root user's keys. (Unverified against a recording: see the report.)
 */
export const ROOT_KEY_USER_NAME = 'root';

/** accessKeyIdType: 16–128 word characters. */
const ACCESS_KEY_ID_PATTERN = String.raw`[\w]+`;

/** Checks the `UserName` (and `AccessKeyId`, when given) of an access-key request. */
export function checkKeyInput(input: {
  UserName?: string | undefined;
  AccessKeyId?: string | undefined;
}): void {
  checkOptionalName('userName', input.UserName, EXISTING_USER_NAME_MAX)
    .length('accessKeyId', input.AccessKeyId, 16, 128)
    .pattern('accessKeyId', input.AccessKeyId, ACCESS_KEY_ID_PATTERN)
    .throwIfAny();
}

/** Resolves and authorizes the owner: `action` on the user's ARN (the root ARN for the root user's keys). */
export async function keyOwner(
  ctx: OperationContext,
  action: string,
  userName: string | undefined,
): Promise<KeyOwner> {
  if (userName !== undefined) {
    const user = await authorizedUser(ctx, action, userName);
    return { kind: 'user', arn: user.arn, name: user.name, user };
  }
  const self = await callingIdentity(ctx);
  if (self.kind === 'root') {
    const arn = rootArn(ctx);
    await ctx.authorize(action, arn);
    return { kind: 'root', arn, name: ROOT_KEY_USER_NAME };
  }
  await authorizeOnUser(ctx, action, self.user);
  return { kind: 'user', arn: self.user.arn, name: self.user.name, user: self.user };
}

/** The owner's keys, as a query to refine (`where`) or run. */
export function ownerKeys(db: Kysely<Database>, ctx: Pick<OperationContext, 'accountId'>, owner: KeyOwner) {
  const query = db.selectFrom('access_keys').where('account_id', '=', ctx.accountId);
  return owner.kind === 'root'
    ? query.where('user_id', 'is', null)
    : query.where('user_id', '=', owner.user.id);
}
