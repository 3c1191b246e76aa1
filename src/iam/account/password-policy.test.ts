import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { deleteAccountPasswordPolicy } from './delete-account-password-policy.js';
import { getAccountPasswordPolicy } from './get-account-password-policy.js';
import { updateAccountPasswordPolicy } from './update-account-password-policy.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

describe('account password policy', () => {
  it('says NoSuchEntity, with AWS message, before one is set (recorded)', async () => {
    await expect(getAccountPasswordPolicy(h.ctx, {})).rejects.toMatchObject({
      code: 'NoSuchEntity',
      status: 404,
      message: 'The Password Policy with domain name 123456789012 cannot be found.',
    });
  });

  it('fills in AWS defaults for omitted members (recorded: test_update_account_password_policy_defaults)', async () => {
    await updateAccountPasswordPolicy(h.ctx, {});
    expect(await getAccountPasswordPolicy(h.ctx, {})).toEqual({
      PasswordPolicy: {
        AllowUsersToChangePassword: false,
        ExpirePasswords: false,
        MinimumPasswordLength: 6,
        RequireLowercaseCharacters: false,
        RequireNumbers: false,
        RequireSymbols: false,
        RequireUppercaseCharacters: false,
      },
    });
  });

  it('returns custom values (recorded: test_update_account_password_policy_custom_values)', async () => {
    await updateAccountPasswordPolicy(h.ctx, {
      MinimumPasswordLength: 10,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: 60,
      PasswordReusePrevention: 3,
      HardExpiry: true,
    });
    expect(await getAccountPasswordPolicy(h.ctx, {})).toEqual({
      PasswordPolicy: {
        AllowUsersToChangePassword: true,
        ExpirePasswords: true,
        HardExpiry: true,
        MaxPasswordAge: 60,
        MinimumPasswordLength: 10,
        PasswordReusePrevention: 3,
        RequireLowercaseCharacters: true,
        RequireNumbers: true,
        RequireSymbols: true,
        RequireUppercaseCharacters: true,
      },
    });
  });

  it('an update replaces the whole policy', async () => {
    await updateAccountPasswordPolicy(h.ctx, { MinimumPasswordLength: 20, RequireSymbols: true });
    await updateAccountPasswordPolicy(h.ctx, { RequireNumbers: true });
    expect((await getAccountPasswordPolicy(h.ctx, {})).PasswordPolicy).toMatchObject({
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      RequireNumbers: true,
    });
  });

  it('validates ranges, with the recorded message', async () => {
    await expect(
      updateAccountPasswordPolicy(h.ctx, {
        MinimumPasswordLength: 129,
        PasswordReusePrevention: 25,
        MaxPasswordAge: 1096,
      }),
    ).rejects.toMatchObject({
      code: 'ValidationError',
      message:
        "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128; " +
        "Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24; " +
        "Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095",
    });
    await expect(updateAccountPasswordPolicy(h.ctx, { MinimumPasswordLength: 5 })).rejects.toMatchObject({
      message:
        "1 validation error detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    });
  });

  it('deletes, and says NoSuchEntity, with AWS message, when there is none (recorded)', async () => {
    await updateAccountPasswordPolicy(h.ctx, {});
    await deleteAccountPasswordPolicy(h.ctx, {});
    await expect(getAccountPasswordPolicy(h.ctx, {})).rejects.toMatchObject({ code: 'NoSuchEntity' });
    await expect(deleteAccountPasswordPolicy(h.ctx, {})).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The account policy with name PasswordPolicy cannot be found.',
    });
  });

  it('authorizes the account-level actions on *', async () => {
    await updateAccountPasswordPolicy(h.ctx, {});
    await getAccountPasswordPolicy(h.ctx, {});
    await deleteAccountPasswordPolicy(h.ctx, {});
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:UpdateAccountPasswordPolicy', '*'],
      ['iam:GetAccountPasswordPolicy', '*'],
      ['iam:DeleteAccountPasswordPolicy', '*'],
    ]);
  });
});
