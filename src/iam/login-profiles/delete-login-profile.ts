import type { Operation } from '../../operation/context.js';
import type { DeleteLoginProfileInput, DeleteLoginProfileOutput } from '../../protocol/models/iam-types.js';
import { authorizedUser } from '../users/user-access.js';
import { checkProfileInput, noSuchLoginProfile } from './login-profile-input.js';

/** DeleteLoginProfile: removes the user's console password and ends the user's console sessions. */
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
  // Without a password the user's console sessions end too. The password history stays, so that a new login
  // profile cannot bring back a recently used password.
  await ctx.store.db.deleteFrom('console_sessions').where('user_id', '=', user.id).execute();
  return {};
};
