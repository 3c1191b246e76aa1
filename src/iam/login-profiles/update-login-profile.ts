import type { Operation } from '../../operation/context.js';
import type { UpdateLoginProfileInput, UpdateLoginProfileOutput } from '../../protocol/models/iam-types.js';
import { authorizedUser } from '../users/user-access.js';
import { checkProfileInput, findLoginProfile, noSuchLoginProfile } from './login-profile-input.js';
import { acceptNewPassword, storeUserPassword } from './set-password.js';

/**
 * UpdateLoginProfile: sets a new password (which must meet the account password policy, reuse prevention
 * included) and/or whether the user must reset it at next sign-in. An administrator's reset is also the way out of
 * a hard-expired password: the new password starts a new MaxPasswordAge period.
 */
export const updateLoginProfile: Operation<UpdateLoginProfileInput, UpdateLoginProfileOutput> = async (
  ctx,
  input,
) => {
  checkProfileInput(input);
  const user = await authorizedUser(ctx, 'iam:UpdateLoginProfile', input.UserName);
  const profile = await findLoginProfile(ctx.store.db, user.id);
  if (profile === undefined) throw noSuchLoginProfile(input.UserName);

  const resetRequired =
    input.PasswordResetRequired === undefined
      ? profile.password_reset_required === 1
      : input.PasswordResetRequired;
  if (input.Password !== undefined) {
    const accepted = await acceptNewPassword(ctx.store.db, ctx.accountId, user.id, input.Password);
    const stored = await storeUserPassword(
      ctx.store.db,
      ctx.accountId,
      user.id,
      accepted,
      ctx.now,
      resetRequired,
    );
    if (!stored) throw noSuchLoginProfile(input.UserName);
  } else if (input.PasswordResetRequired !== undefined) {
    const result = await ctx.store.db
      .updateTable('login_profiles')
      .set({ password_reset_required: resetRequired ? 1 : 0 })
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw noSuchLoginProfile(input.UserName);
  }
  return {};
};
