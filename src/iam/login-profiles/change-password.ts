import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { ChangePasswordInput, ChangePasswordOutput } from '../../protocol/models/iam-types.js';
import { callingIdentity } from '../common/calling-user.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { changeOwnPassword } from './change-own-password.js';
import { PASSWORD_PATTERN } from './login-profile-input.js';

/**
 * ChangePassword: the calling IAM user changes their own console password. The caller needs iam:ChangePassword on
 * their own user, which the account password policy's AllowUsersToChangePassword grants to every user (see
 * src/server/password-change-grant.ts). The root user's password is not changed by this operation: root
 * credentials get InvalidUserType (AWS CLI reference, `change-password`), as do role and federated sessions.
 * A hard-expired password can be changed here (PasswordPolicy's HardExpiry: "IAM users with iam:ChangePassword
 * permission and active access keys can reset their own expired console password using the AWS CLI or API").
 */
export const changePassword: Operation<ChangePasswordInput, ChangePasswordOutput> = async (ctx, input) => {
  new MemberConstraints()
    .length('oldPassword', input.OldPassword, 1, 128)
    .pattern('oldPassword', input.OldPassword, PASSWORD_PATTERN)
    .length('newPassword', input.NewPassword, 1, 128)
    .pattern('newPassword', input.NewPassword, PASSWORD_PATTERN)
    .throwIfAny();
  if (ctx.caller.kind !== 'user') {
    // The message is iamd's: AWS documents the code for root credentials but not its text.
    throw new AwsError(
      'InvalidUserType',
      'Only IAM users can change their own password with ChangePassword.',
    );
  }
  const identity = await callingIdentity(ctx);
  if (identity.kind !== 'user')
    throw new AwsError('InvalidUserType', 'Only IAM users can change their password.');
  await ctx.authorize('iam:ChangePassword', identity.user.arn);
  await changeOwnPassword(
    ctx.store.db,
    ctx.accountId,
    identity.user,
    input.OldPassword,
    input.NewPassword,
    ctx.now,
    ctx.caller.consoleSession,
    ctx.passwordAttempts?.(),
  );
  return {};
};
