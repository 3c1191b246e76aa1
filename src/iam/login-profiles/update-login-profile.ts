import { hashPassword } from '../../auth/password.js';
import type { Operation } from '../../operation/context.js';
import type { UpdateLoginProfileInput, UpdateLoginProfileOutput } from '../../protocol/models/iam-types.js';
import type { LoginProfilesTable } from '../../store/schema.js';
import { enforcePasswordPolicy } from '../account/password-check.js';
import { loadPasswordPolicy } from '../account/password-policy.js';
import { authorizedUser } from '../users/user-access.js';
import { checkProfileInput, findLoginProfile, noSuchLoginProfile } from './login-profile-input.js';

/**
 * UpdateLoginProfile: sets a new password (which must meet the account password policy) and/or whether the user
 * must reset it at next sign-in.
 */
export const updateLoginProfile: Operation<UpdateLoginProfileInput, UpdateLoginProfileOutput> = async (
  ctx,
  input,
) => {
  checkProfileInput(input);
  const user = await authorizedUser(ctx, 'iam:UpdateLoginProfile', input.UserName);
  if ((await findLoginProfile(ctx.store.db, user.id)) === undefined) throw noSuchLoginProfile(input.UserName);

  const changes: Partial<Pick<LoginProfilesTable, 'password_hash' | 'password_reset_required'>> = {};
  if (input.Password !== undefined) {
    enforcePasswordPolicy(await loadPasswordPolicy(ctx.store.db, ctx.accountId), input.Password);
    changes.password_hash = await hashPassword(input.Password);
  }
  if (input.PasswordResetRequired !== undefined)
    changes.password_reset_required = input.PasswordResetRequired ? 1 : 0;
  if (Object.keys(changes).length > 0) {
    const result = await ctx.store.db
      .updateTable('login_profiles')
      .set(changes)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw noSuchLoginProfile(input.UserName);
  }
  return {};
};
