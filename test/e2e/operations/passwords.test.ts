import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { signIn } from '../support/console.js';
import { ACCOUNT, clients, startTestServer } from '../support/server.js';
import { accessDenied, allow, expectError, userClients, type FileServer } from './support.js';

// One server for the file, with a clock the tests move ahead (for MaxPasswordAge). SigV4 needs the server's clock
// within 15 minutes of the SDK's, so signed calls are made with the offset at 0; console sign-in is not signed.
// The account password policy is account-wide, so each test sets the one it needs.
let offset = 0;
const env = {} as FileServer;
beforeAll(async () => {
  env.server = await startTestServer({ clock: () => new Date(Date.now() + offset) });
  Object.assign(env, clients(env.server));
});
afterAll(() => env.server.close());
beforeEach(async () => {
  offset = 0;
  await env.iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
});

const DAY = 86_400_000;

/** A user with a password and an access key, signed in through the SDK as itself. */
async function userWithPassword(
  password: string,
  policy?: string,
  resetRequired = false,
): Promise<{ userName: string; userArn: string; iam: IAMClient }> {
  const user = await userClients(env, policy);
  await env.iam.send(
    new CreateLoginProfileCommand({
      UserName: user.userName,
      Password: password,
      PasswordResetRequired: resetRequired,
    }),
  );
  return user;
}

const consoleSignIn = (server: RunningServer, user: string, password: string) =>
  signIn(server, { account: ACCOUNT, user, password });

describe('ChangePassword', () => {
  it("changes the caller's own password when the password policy allows users to, and clears a required reset", async () => {
    await env.iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
    const user = await userWithPassword('First-pass-1', undefined, true);
    await user.iam.send(
      new ChangePasswordCommand({ OldPassword: 'First-pass-1', NewPassword: 'Second-pass-2' }),
    );
    const profile = await env.iam.send(new GetLoginProfileCommand({ UserName: user.userName }));
    expect(profile.LoginProfile?.PasswordResetRequired).toBe(false);
    expect((await consoleSignIn(env.server, user.userName, 'First-pass-1')).status).toBe(401);
    expect((await consoleSignIn(env.server, user.userName, 'Second-pass-2')).body['status']).toBe('signedIn');
    // AllowUsersToChangePassword also grants iam:GetAccountPasswordPolicy.
    const policy = await user.iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(policy.PasswordPolicy?.AllowUsersToChangePassword).toBe(true);
  });

  it('needs iam:ChangePassword when the password policy does not allow users to change their password', async () => {
    const user = await userWithPassword('First-pass-1');
    await expectError(
      () =>
        user.iam.send(
          new ChangePasswordCommand({ OldPassword: 'First-pass-1', NewPassword: 'Second-pass-2' }),
        ),
      accessDenied(user.userArn, 'iam:ChangePassword', user.userArn),
    );
    const allowed = await userWithPassword('First-pass-1', allow('iam:ChangePassword'));
    await allowed.iam.send(
      new ChangePasswordCommand({ OldPassword: 'First-pass-1', NewPassword: 'Second-pass-2' }),
    );
  });

  it('refuses a wrong old password and keeps the password', async () => {
    await env.iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
    const user = await userWithPassword('First-pass-1');
    await expectError(
      () => user.iam.send(new ChangePasswordCommand({ OldPassword: 'not-it', NewPassword: 'Second-pass-2' })),
      { name: 'AccessDenied', status: 403, message: 'The old password was incorrect.' },
    );
    expect((await consoleSignIn(env.server, user.userName, 'First-pass-1')).body['status']).toBe('signedIn');
  });

  it('gives the root user InvalidUserType', async () => {
    await expectError(
      () => env.iam.send(new ChangePasswordCommand({ OldPassword: 'whatever-1', NewPassword: 'whatever-2' })),
      { name: 'InvalidUserTypeException', status: 400 },
    );
  });

  it('enforces the password policy on the new password', async () => {
    await env.iam.send(
      new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true, MinimumPasswordLength: 14 }),
    );
    const user = await userWithPassword('A-long-enough-1');
    await expectError(
      () =>
        user.iam.send(new ChangePasswordCommand({ OldPassword: 'A-long-enough-1', NewPassword: 'short-1' })),
      {
        name: 'PasswordPolicyViolationException',
        status: 400,
        message: 'Password should have a minimum length of 14',
      },
    );
  });
});

describe('PasswordReusePrevention', () => {
  const reused = {
    name: 'PasswordPolicyViolationException',
    status: 400,
    message: 'Password does not conform to the account password policy.',
  };

  it('refuses the last N passwords on ChangePassword and UpdateLoginProfile, and allows older ones', async () => {
    await env.iam.send(
      new UpdateAccountPasswordPolicyCommand({
        AllowUsersToChangePassword: true,
        PasswordReusePrevention: 2,
      }),
    );
    const user = await userWithPassword('Password-A-1');
    const change = (OldPassword: string, NewPassword: string) =>
      user.iam.send(new ChangePasswordCommand({ OldPassword, NewPassword }));
    await expectError(() => change('Password-A-1', 'Password-A-1'), reused);
    await change('Password-A-1', 'Password-B-2');
    await expectError(() => change('Password-B-2', 'Password-A-1'), reused);
    await expectError(
      () =>
        env.iam.send(new UpdateLoginProfileCommand({ UserName: user.userName, Password: 'Password-A-1' })),
      reused,
    );
    await change('Password-B-2', 'Password-C-3');
    // Remembered now: C and B. A is three passwords back.
    await change('Password-C-3', 'Password-A-1');
  });

  it('keeps only as many hashes as the policy remembers', async () => {
    await env.iam.send(
      new UpdateAccountPasswordPolicyCommand({
        AllowUsersToChangePassword: true,
        PasswordReusePrevention: 3,
      }),
    );
    const user = await userWithPassword('Password-0-0');
    for (let i = 1; i <= 5; i++) {
      await user.iam.send(
        new ChangePasswordCommand({
          OldPassword: `Password-${i - 1}-${i - 1}`,
          NewPassword: `Password-${i}-${i}`,
        }),
      );
    }
    const userId = (
      await env.server.store.db
        .selectFrom('users')
        .select('id')
        .where('name', '=', user.userName)
        .executeTakeFirstOrThrow()
    ).id;
    const rows = await env.server.store.db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
  });
});

describe('MaxPasswordAge and HardExpiry', () => {
  it('an expired password signs in only to change it', async () => {
    await env.iam.send(
      new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true, MaxPasswordAge: 30 }),
    );
    const user = await userWithPassword('Password-A-1');
    offset = 29 * DAY;
    expect((await consoleSignIn(env.server, user.userName, 'Password-A-1')).body['status']).toBe('signedIn');
    offset = 31 * DAY;
    const expired = await consoleSignIn(env.server, user.userName, 'Password-A-1');
    expect(expired.body).toMatchObject({ status: 'passwordChangeRequired', reason: 'passwordExpired' });
    // A change (through the API, which an expired password does not prevent) starts a new period.
    offset = 0;
    await user.iam.send(
      new ChangePasswordCommand({ OldPassword: 'Password-A-1', NewPassword: 'Password-B-2' }),
    );
    expect((await consoleSignIn(env.server, user.userName, 'Password-B-2')).body['status']).toBe('signedIn');
  });

  it('with HardExpiry, an expired password cannot sign in until an administrator resets it', async () => {
    await env.iam.send(new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 1, HardExpiry: true }));
    const user = await userWithPassword('Password-A-1');
    offset = 2 * DAY;
    const refused = await consoleSignIn(env.server, user.userName, 'Password-A-1');
    expect(refused.status).toBe(403);
    expect(refused.body['error']).toBe('PasswordExpired');
    // A wrong password still gets the one answer for every failure: expiry is not revealed without the password.
    expect((await consoleSignIn(env.server, user.userName, 'Password-X-1')).body['error']).toBe(
      'AuthenticationFailed',
    );
    offset = 0;
    await env.iam.send(new UpdateLoginProfileCommand({ UserName: user.userName, Password: 'Password-B-2' }));
    offset = DAY / 2;
    expect((await consoleSignIn(env.server, user.userName, 'Password-B-2')).body['status']).toBe('signedIn');
  });

  it("the root user's password never expires (the policy does not apply to root)", async () => {
    await env.iam.send(new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 1, HardExpiry: true }));
    offset = 400 * DAY;
    const root = await signIn(env.server, { account: ACCOUNT, root: true, password: 'root-Console-Pass-1' });
    expect(root.body['status']).toBe('signedIn');
  });
});
