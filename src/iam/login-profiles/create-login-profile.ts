import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { CreateLoginProfileInput, CreateLoginProfileOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { authorizedUser } from '../users/user-access.js';
import { checkProfileInput, findLoginProfile, loginProfileShape } from './login-profile-input.js';
import { rememberPassword } from './password-history.js';
import { acceptNewPassword } from './set-password.js';

/**
 * CreateLoginProfile: gives a user a console password. The password must meet the account password policy, when
 * there is one (including reuse prevention: a user's history outlives a deleted login profile), and is stored
 * only as an argon2id hash.
 */
export const createLoginProfile: Operation<CreateLoginProfileInput, CreateLoginProfileOutput> = async (
  ctx,
  input,
) => {
  checkProfileInput(input);
  const user = await authorizedUser(ctx, 'iam:CreateLoginProfile', input.UserName);
  // Recorded wording: "user" in lower case here, unlike the NoSuchEntity message (test_login_profile_errors).
  const exists = () =>
    new AwsError('EntityAlreadyExists', `Login Profile for user ${input.UserName} already exists.`);
  if ((await findLoginProfile(ctx.store.db, user.id)) !== undefined) throw exists();
  const accepted = await acceptNewPassword(ctx.store.db, ctx.accountId, user.id, input.Password);

  const profile = {
    user_id: user.id,
    account_id: ctx.accountId,
    password_hash: accepted.hash,
    password_reset_required: input.PasswordResetRequired === true ? 1 : 0,
    created_at: ctx.now.toISOString(),
    password_changed_at: ctx.now.toISOString(),
  };
  try {
    await ctx.store.db.insertInto('login_profiles').values(profile).execute();
  } catch (err) {
    // INVARIANT: the primary key on user_id decides a concurrent duplicate.
    if (isUniqueViolation(err)) throw exists();
    throw err;
  }
  await rememberPassword(ctx.store.db, ctx.accountId, user.id, accepted.hash, ctx.now, accepted.policy);
  return { LoginProfile: loginProfileShape(user, profile) };
};
