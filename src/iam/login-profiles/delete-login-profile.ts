import type { Operation } from '../../operation/context.js';
import type { DeleteLoginProfileInput, DeleteLoginProfileOutput } from '../../protocol/models/iam-types.js';
import { authorizedUser } from '../users/user-access.js';
import { checkProfileInput, noSuchLoginProfile } from './login-profile-input.js';

/** DeleteLoginProfile: removes the user's console password. */
export const deleteLoginProfile: Operation<DeleteLoginProfileInput, DeleteLoginProfileOutput> = async (
  ctx,
  input,
) => {
  checkProfileInput(input);
  const user = await authorizedUser(ctx, 'iam:DeleteLoginProfile', input.UserName);
  const result = await ctx.store.db
    .deleteFrom('login_profiles')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw noSuchLoginProfile(input.UserName);
  return {};
};
