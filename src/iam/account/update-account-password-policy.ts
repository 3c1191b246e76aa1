import type { Operation } from '../../operation/context.js';
import type {
  UpdateAccountPasswordPolicyInput,
  UpdateAccountPasswordPolicyOutput,
} from '../../protocol/models/iam-types.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { savePasswordPolicy, type PasswordPolicy } from './password-policy.js';

/**
 * UpdateAccountPasswordPolicy: replaces the whole policy; omitted members take AWS's defaults (minimum length 6,
 * no character classes, users may not change their password, passwords do not expire), as recorded in
 * shared/aws-reference (test_update_account_password_policy_defaults). `ExpirePasswords` follows from
 * `MaxPasswordAge`; `MaxPasswordAge`, `PasswordReusePrevention` and `HardExpiry` appear only when set.
 */
export const updateAccountPasswordPolicy: Operation<
  UpdateAccountPasswordPolicyInput,
  UpdateAccountPasswordPolicyOutput
> = async (ctx, input) => {
  // In the order AWS lists the violations (recorded: test_update_account_password_policy_validation_errors).
  new MemberConstraints()
    .range('minimumPasswordLength', input.MinimumPasswordLength, 6, 128)
    .range('passwordReusePrevention', input.PasswordReusePrevention, 1, 24)
    .range('maxPasswordAge', input.MaxPasswordAge, 1, 1095)
    .throwIfAny();

  await ctx.authorize('iam:UpdateAccountPasswordPolicy', ACCOUNT_RESOURCE);
  const policy: PasswordPolicy = {
    MinimumPasswordLength: input.MinimumPasswordLength ?? 6,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
    ExpirePasswords: input.MaxPasswordAge !== undefined,
    ...(input.MaxPasswordAge === undefined ? {} : { MaxPasswordAge: input.MaxPasswordAge }),
    ...(input.PasswordReusePrevention === undefined
      ? {}
      : { PasswordReusePrevention: input.PasswordReusePrevention }),
    ...(input.HardExpiry === undefined ? {} : { HardExpiry: input.HardExpiry }),
  };
  await savePasswordPolicy(ctx.store.db, ctx.accountId, policy);
  return {};
};
