import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password.js';
import { updateAccountPasswordPolicy } from '../account/update-account-password-policy.js';
import { harness, type Harness } from '../common/test-support/identities.js';
import { createUser } from '../users/create-user.js';
import { updateUser } from '../users/update-user.js';
import { createLoginProfile } from './create-login-profile.js';
import { deleteLoginProfile } from './delete-login-profile.js';
import { getLoginProfile } from './get-login-profile.js';
import { updateLoginProfile } from './update-login-profile.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createUser(h.ctx, { UserName: 'alice' });
  h.calls.length = 0;
});
afterEach(() => h.ctx.close());

const storedHash = async () =>
  (await h.ctx.store.db.selectFrom('login_profiles').select('password_hash').executeTakeFirstOrThrow())
    .password_hash;

describe('login profiles', () => {
  it('creates, reads, updates and deletes (recorded: test_login_profile_lifecycle)', async () => {
    const created = await createLoginProfile(h.ctx, {
      UserName: 'alice',
      Password: 'TestPassword123!',
      PasswordResetRequired: false,
    });
    expect(created).toEqual({
      LoginProfile: { UserName: 'alice', CreateDate: h.ctx.now, PasswordResetRequired: false },
    });
    expect(await getLoginProfile(h.ctx, { UserName: 'alice' })).toEqual(created);
    await updateLoginProfile(h.ctx, {
      UserName: 'alice',
      Password: 'NewPassword456!',
      PasswordResetRequired: true,
    });
    expect((await getLoginProfile(h.ctx, { UserName: 'alice' })).LoginProfile.PasswordResetRequired).toBe(
      true,
    );
    await deleteLoginProfile(h.ctx, { UserName: 'alice' });
    await expect(getLoginProfile(h.ctx, { UserName: 'alice' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'Login Profile for User alice cannot be found.',
    });
    expect(h.calls.map((c) => c.action)).toEqual([
      'iam:CreateLoginProfile',
      'iam:GetLoginProfile',
      'iam:UpdateLoginProfile',
      'iam:GetLoginProfile',
      'iam:DeleteLoginProfile',
      'iam:GetLoginProfile',
    ]);
  });

  it('stores an argon2id hash of the password, never the password', async () => {
    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'TestPassword123!' });
    const first = await storedHash();
    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toContain('TestPassword123!');
    expect(await verifyPassword(first, 'TestPassword123!')).toBe(true);

    await updateLoginProfile(h.ctx, { UserName: 'alice', Password: 'NewPassword456!' });
    const second = await storedHash();
    expect(second).not.toContain('NewPassword456!');
    expect(await verifyPassword(second, 'NewPassword456!')).toBe(true);
    expect(await verifyPassword(second, 'TestPassword123!')).toBe(false);
  });

  it('updating only the reset flag keeps the password', async () => {
    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'TestPassword123!' });
    const before = await storedHash();
    await updateLoginProfile(h.ctx, { UserName: 'alice', PasswordResetRequired: true });
    expect(await storedHash()).toBe(before);
  });

  it('the profile follows a renamed user', async () => {
    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'TestPassword123!' });
    await updateUser(h.ctx, { UserName: 'alice', NewUserName: 'alicia' });
    expect((await getLoginProfile(h.ctx, { UserName: 'alicia' })).LoginProfile.UserName).toBe('alicia');
  });

  it('reports errors with AWS messages (recorded: test_login_profile_errors)', async () => {
    await expect(
      createLoginProfile(h.ctx, { UserName: 'nonexistent-user', Password: 'TestPassword123!' }),
    ).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'The user with name nonexistent-user cannot be found.',
    });
    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'TestPassword123!' });
    await expect(
      createLoginProfile(h.ctx, { UserName: 'alice', Password: 'AnotherPassword123!' }),
    ).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
      status: 409,
      message: 'Login Profile for user alice already exists.',
    });
    await deleteLoginProfile(h.ctx, { UserName: 'alice' });
    await expect(deleteLoginProfile(h.ctx, { UserName: 'alice' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'Login Profile for User alice cannot be found.',
    });
    await expect(updateLoginProfile(h.ctx, { UserName: 'alice', Password: 'x' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
      message: 'Login Profile for User alice cannot be found.',
    });
    await expect(deleteLoginProfile(h.ctx, { UserName: 'nonexistent-user' })).rejects.toMatchObject({
      message: 'The user with name nonexistent-user cannot be found.',
    });
  });

  it('rejects a password outside the model constraints without quoting it', async () => {
    const secret = 'x'.repeat(129);
    const attempt = createLoginProfile(h.ctx, { UserName: 'alice', Password: secret });
    await expect(attempt).rejects.toMatchObject({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 128",
    });
  });
});

describe('the account password policy', () => {
  beforeEach(async () => {
    await updateAccountPasswordPolicy(h.ctx, {
      MinimumPasswordLength: 12,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
  });

  const violation = (message: string) => ({ code: 'PasswordPolicyViolation', status: 400, message });

  it('is enforced on create, with AWS PasswordPolicyViolation messages', async () => {
    const create = (Password: string) => createLoginProfile(h.ctx, { UserName: 'alice', Password });
    await expect(create('Sh0rt!')).rejects.toMatchObject(
      violation('Password should have a minimum length of 12'),
    );
    await expect(create('no-upper-case-1')).rejects.toMatchObject(
      violation('Password should have at least one uppercase letter'),
    );
    await expect(create('NO-LOWER-CASE-1')).rejects.toMatchObject(
      violation('Password should have at least one lowercase letter'),
    );
    await expect(create('No-Numbers-Here')).rejects.toMatchObject(
      violation('Password should have at least one number'),
    );
    await expect(create('NoSymbolsHere123')).rejects.toMatchObject(
      violation('Password should have at least one symbol'),
    );
    await create('Correct-Horse-42');
  });

  it('is enforced on update, and the old password stays', async () => {
    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'Correct-Horse-42' });
    const before = await storedHash();
    await expect(updateLoginProfile(h.ctx, { UserName: 'alice', Password: 'weak' })).rejects.toMatchObject({
      code: 'PasswordPolicyViolation',
    });
    expect(await storedHash()).toBe(before);
  });

  it('never puts the password in the error', async () => {
    const password = 'secretsecret';
    await expect(createLoginProfile(h.ctx, { UserName: 'alice', Password: password })).rejects.toSatisfy(
      (err: Error) => !err.message.includes(password),
    );
  });
});
