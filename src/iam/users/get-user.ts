import type { Operation, OperationContext } from '../../operation/context.js';
import type { GetUserInput, GetUserOutput } from '../../protocol/models/iam-types.js';
import { rootArn } from '../common/arn.js';
import { callingIdentity } from '../common/calling-user.js';
import { authorizedUserWithTags, authorizeOnUser } from './user-access.js';
import { checkOptionalName, EXISTING_USER_NAME_MAX } from './user-fields.js';
import { userShape, type UserShape } from './user-shape.js';

/**
 * GetUser: the named user, or without `UserName` the calling user; for root credentials, the root user, which AWS
 * describes by its account id, root ARN and creation date only (no name or path).
 */
export const getUser: Operation<GetUserInput, GetUserOutput> = async (ctx, input) => {
  checkOptionalName('userName', input.UserName, EXISTING_USER_NAME_MAX).throwIfAny();

  if (input.UserName !== undefined) {
    const { user, tags } = await authorizedUserWithTags(ctx, 'iam:GetUser', input.UserName);
    return { User: userShape(user, tags) };
  }
  const self = await callingIdentity(ctx);
  if (self.kind === 'root') {
    await ctx.authorize('iam:GetUser', rootArn(ctx));
    return { User: await rootUser(ctx) };
  }
  const tags = await authorizeOnUser(ctx, 'iam:GetUser', self.user);
  return { User: userShape(self.user, tags) };
};

async function rootUser(ctx: OperationContext): Promise<UserShape> {
  const account = await ctx.store.db
    .selectFrom('accounts')
    .select('created_at')
    .where('id', '=', ctx.accountId)
    .executeTakeFirstOrThrow();
  // INVARIANT: AWS omits UserName and Path for the root user although the model marks them required; the codec
  // leaves absent members out of the XML.
  return {
    UserId: ctx.accountId,
    Arn: rootArn(ctx),
    CreateDate: new Date(account.created_at),
  } as UserShape;
}
