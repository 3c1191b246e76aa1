import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MfaChecker } from '../../src/server/console/mfa-checker.js';
import type { RunningServer } from '../../src/server/start.js';
import {
  consoleApi,
  consolePost,
  sessionInfo,
  sessionOf,
  signedIn,
  signIn,
  xmlErrorCode,
} from './support/console.js';
import { ACCOUNT, clients, ROOT_PASSWORD, startTestServer } from './support/server.js';

const MINUTE = 60_000;
let offset = 0;
let server: RunningServer;

/** An MFA checker for the sign-in flow: alice has a device, and each listed code is valid once. */
function mfaFor(userIds: () => Set<string>, codes: Set<string>): MfaChecker {
  return {
    enabledDevice: async (_account, owner) =>
      owner.kind === 'user' && userIds().has(owner.userId)
        ? { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/dev` }
        : undefined,
    consumeCode: async (_account, _serial, code) => codes.delete(code),
  };
}
const mfaUsers = new Set<string>();
const mfaCodes = new Set<string>();

beforeEach(async () => {
  offset = 0;
  mfaUsers.clear();
  mfaCodes.clear();
  server = await startTestServer({
    clock: () => new Date(Date.now() + offset),
    mfa: mfaFor(() => mfaUsers, mfaCodes),
  });
});
afterEach(() => server.close());

async function user(name: string, password: string, policy?: object, resetRequired = false): Promise<string> {
  const { iam } = clients(server);
  const created = await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(
    new CreateLoginProfileCommand({
      UserName: name,
      Password: password,
      PasswordResetRequired: resetRequired,
    }),
  );
  if (policy !== undefined) {
    await iam.send(
      new PutUserPolicyCommand({
        UserName: name,
        PolicyName: 'p',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [policy] }),
      }),
    );
  }
  return created.User!.UserId!;
}

const asUser = (name: string, password: string) => ({ account: ACCOUNT, user: name, password });

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/, not Secure over plain HTTP, and opaque', async () => {
    await user('alice', 'Alice-pass-1');
    const response = await signIn(server, asUser('alice', 'Alice-pass-1'));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^iamd_session=[A-Za-z0-9_-]{43}; /);
    const attributes = cookie.split('; ').slice(1);
    expect(attributes).toEqual(['Path=/', 'HttpOnly', 'SameSite=Strict']);
    expect(response.body).toMatchObject({
      status: 'signedIn',
      principal: { kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, userName: 'alice' },
      mfaAuthenticated: false,
    });
    expect(String(response.body['csrfToken'])).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts a form body', async () => {
    await user('alice', 'Alice-pass-1');
    const form = await consolePost(server, '/_iamd/signin', asUser('alice', 'Alice-pass-1'), { form: true });
    expect(form.body['status']).toBe('signedIn');
  });
});

describe('CSRF protection', () => {
  it("refuses console API calls and sign-out without the session CSRF token, or with another session's", async () => {
    await user('alice', 'Alice-pass-1');
    const session = await signedIn(server, asUser('alice', 'Alice-pass-1'));
    const other = await signedIn(server, asUser('alice', 'Alice-pass-1'));
    const missing = await consoleApi(server, session, { Action: 'GetUser' }, null);
    expect(missing.status).toBe(403);
    expect(missing.body['error']).toBe('InvalidCsrfToken');
    expect((await consoleApi(server, session, { Action: 'GetUser' }, other.csrfToken)).status).toBe(403);
    expect((await consolePost(server, '/_iamd/signout', {}, { session, csrf: null })).status).toBe(403);
    // The session still works with its own token (a refusal does not end it).
    expect((await sessionInfo(server, session)).status).toBe(200);
  });

  it("refuses a cross-origin Origin on sign-in and on the console API, and accepts the server's own", async () => {
    await user('alice', 'Alice-pass-1');
    const evil = { origin: 'https://evil.example' };
    const signinFromElsewhere = await consolePost(server, '/_iamd/signin', asUser('alice', 'Alice-pass-1'), {
      headers: evil,
    });
    expect(signinFromElsewhere.status).toBe(403);
    expect(signinFromElsewhere.headers.get('set-cookie')).toBeNull();
    const session = await signedIn(server, asUser('alice', 'Alice-pass-1'));
    const api = await consolePost(
      server,
      '/_iamd/console/api',
      { Action: 'GetUser' },
      { session, headers: evil },
    );
    expect(api.status).toBe(403);
    expect(api.body['error']).toBe('InvalidOrigin');
    const own = await consolePost(server, '/_iamd/signout', {}, { session, headers: { origin: server.url } });
    expect(own.status).toBe(200);
  });
});

describe('timeouts and sign-out', () => {
  it('ends a session idle for an hour', async () => {
    await user('alice', 'Alice-pass-1');
    const session = await signedIn(server, asUser('alice', 'Alice-pass-1'));
    offset = 59 * MINUTE;
    expect((await sessionInfo(server, session)).status).toBe(200);
    offset = 118 * MINUTE; // 59 minutes after the last use
    expect((await sessionInfo(server, session)).status).toBe(200);
    offset = 178 * MINUTE; // 60 minutes after the last use
    const ended = await sessionInfo(server, session);
    expect(ended.status).toBe(401);
    expect(ended.body['error']).toBe('NotSignedIn');
    offset = 179 * MINUTE;
    expect((await sessionInfo(server, session)).status).toBe(401);
  });

  it('ends a session 12 hours after sign-in, however busy', async () => {
    await user('alice', 'Alice-pass-1');
    const session = await signedIn(server, asUser('alice', 'Alice-pass-1'));
    for (offset = 50 * MINUTE; offset < 12 * 60 * MINUTE; offset += 50 * MINUTE) {
      expect((await sessionInfo(server, session)).status, `at ${offset / MINUTE} min`).toBe(200);
    }
    offset = 12 * 60 * MINUTE;
    expect((await sessionInfo(server, session)).status).toBe(401);
  });

  it('sign-out ends the session and clears the cookie', async () => {
    await user('alice', 'Alice-pass-1');
    const session = await signedIn(server, asUser('alice', 'Alice-pass-1'));
    const out = await consolePost(server, '/_iamd/signout', {}, { session });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^iamd_session=; .*Max-Age=0/);
    expect((await sessionInfo(server, session)).status).toBe(401);
    expect((await consoleApi(server, session, { Action: 'GetUser' })).status).toBe(401);
  });
});

describe('the console API', () => {
  it('authorizes as the signed-in user: AccessDenied without permission, allowed with it', async () => {
    await user('bob', 'Bob-pass-1');
    const session = await signedIn(server, asUser('bob', 'Bob-pass-1'));
    const denied = await consoleApi(server, session, { Action: 'ListUsers' });
    expect(denied.status).toBe(403);
    expect(xmlErrorCode(denied.text)).toBe('AccessDenied');
    expect(denied.text).toContain(
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:ListUsers`,
    );
    await user('carol', 'Carol-pass-1', { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' });
    const carol = await signedIn(server, asUser('carol', 'Carol-pass-1'));
    const listed = await consoleApi(server, carol, { Action: 'ListUsers' });
    expect(listed.status).toBe(200);
    expect(listed.text).toContain('<UserName>bob</UserName>');
    const identity = await consoleApi(server, carol, { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(identity.text).toContain(`<Arn>arn:aws:iam::${ACCOUNT}:user/carol</Arn>`);
  });

  it('signs the root user in with the root password, and root may do everything', async () => {
    const root = await signedIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD });
    const created = await consoleApi(server, root, { Action: 'CreateUser', UserName: 'from-console' });
    expect(created.status).toBe(200);
    const identity = await consoleApi(server, root, { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(identity.text).toContain(`<Arn>arn:aws:iam::${ACCOUNT}:root</Arn>`);
  });

  it('a required password reset allows only the password change, then the console', async () => {
    await clients(server).iam.send(
      new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }),
    );
    await user('dave', 'Dave-pass-1', { Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }, true);
    const first = await signIn(server, asUser('dave', 'Dave-pass-1'));
    expect(first.body).toMatchObject({ status: 'passwordChangeRequired', reason: 'passwordResetRequired' });
    const session = sessionOf(first);
    const blocked = await consoleApi(server, session, { Action: 'GetUser' });
    expect(blocked.status).toBe(403);
    expect(blocked.body['error']).toBe('PasswordChangeRequired');
    const wrong = await consolePost(
      server,
      '/_iamd/console/change-password',
      { oldPassword: 'nope', newPassword: 'Dave-pass-2' },
      { session },
    );
    expect(wrong.status).toBe(403);
    expect(xmlErrorCode(wrong.text)).toBe('AccessDenied');
    const changed = await consolePost(
      server,
      '/_iamd/console/change-password',
      { oldPassword: 'Dave-pass-1', newPassword: 'Dave-pass-2' },
      { session },
    );
    expect(changed.body).toEqual({ status: 'passwordChanged' });
    expect((await consoleApi(server, session, { Action: 'GetUser' })).status).toBe(200);
    expect((await signIn(server, asUser('dave', 'Dave-pass-2'))).body['status']).toBe('signedIn');
  });

  it('root changes its password with the old one; its other sessions end', async () => {
    const root = await signedIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD });
    const other = await signedIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD });
    const wrong = await consolePost(
      server,
      '/_iamd/console/change-password',
      { oldPassword: 'not-it', newPassword: 'Another-root-1' },
      { session: root },
    );
    expect(wrong.status).toBe(403);
    const changed = await consolePost(
      server,
      '/_iamd/console/change-password',
      { oldPassword: ROOT_PASSWORD, newPassword: 'Another-root-1' },
      { session: root },
    );
    expect(changed.status).toBe(200);
    expect((await sessionInfo(server, root)).status).toBe(200);
    expect((await sessionInfo(server, other)).status).toBe(401);
    expect((await signIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD })).status).toBe(
      401,
    );
    expect((await signIn(server, { account: ACCOUNT, root: true, password: 'Another-root-1' })).status).toBe(
      200,
    );
  });

  it('the root password survives a dev reset; sessions do not', async () => {
    const root = await signedIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD });
    const reset = await fetch(`${server.url}/_iamd/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await sessionInfo(server, root)).status).toBe(401);
    expect((await signIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD })).status).toBe(
      200,
    );
  });

  it("records the sign-in as the password's last use", async () => {
    await user('erin', 'Erin-pass-1');
    await signedIn(server, asUser('erin', 'Erin-pass-1'));
    await signedIn(server, { account: ACCOUNT, root: true, password: ROOT_PASSWORD });
    const row = await server.store.db
      .selectFrom('users')
      .select('password_last_used')
      .where('name', '=', 'erin')
      .executeTakeFirstOrThrow();
    expect(row.password_last_used).not.toBeNull();
    const account = await server.store.db
      .selectFrom('accounts')
      .select('root_password_last_used')
      .executeTakeFirstOrThrow();
    expect(account.root_password_last_used).not.toBeNull();
  });
});

describe('MFA at sign-in (with an injected MFA checker)', () => {
  const requireMfa = {
    Effect: 'Allow',
    Action: 'iam:GetUser',
    Resource: '*',
    Condition: {
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
    },
  };

  it('asks for a code only after the right password, and refuses a wrong or reused code', async () => {
    mfaUsers.add(await user('frank', 'Frank-pass-1', requireMfa));
    mfaCodes.add('123456');
    const wrongPassword = await signIn(server, asUser('frank', 'Wrong-pass-1'));
    expect(wrongPassword.body['error']).toBe('AuthenticationFailed');
    const needsCode = await signIn(server, asUser('frank', 'Frank-pass-1'));
    expect(needsCode.body).toEqual({ status: 'mfaRequired' });
    expect(needsCode.headers.get('set-cookie')).toBeNull();
    const wrongCode = await signIn(server, { ...asUser('frank', 'Frank-pass-1'), mfaCode: '000000' });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body['error']).toBe('InvalidMfaCode');
    const ok = await signIn(server, { ...asUser('frank', 'Frank-pass-1'), mfaCode: '123456' });
    expect(ok.body).toMatchObject({ status: 'signedIn', mfaAuthenticated: true });
    const reused = await signIn(server, { ...asUser('frank', 'Frank-pass-1'), mfaCode: '123456' });
    expect(reused.body['error']).toBe('InvalidMfaCode');
  });

  it('a session signed in with MFA carries aws:MultiFactorAuthPresent and a growing aws:MultiFactorAuthAge', async () => {
    const id = await user('grace', 'Grace-pass-1', requireMfa);
    const without = await signedIn(server, asUser('grace', 'Grace-pass-1'));
    expect((await sessionInfo(server, without)).body['mfaAuthenticated']).toBe(false);
    expect(xmlErrorCode((await consoleApi(server, without, { Action: 'GetUser' })).text)).toBe(
      'AccessDenied',
    );

    mfaUsers.add(id);
    mfaCodes.add('654321');
    const session = await signedIn(server, { ...asUser('grace', 'Grace-pass-1'), mfaCode: '654321' });
    expect((await sessionInfo(server, session)).body['mfaAuthenticated']).toBe(true);
    expect((await consoleApi(server, session, { Action: 'GetUser' })).status).toBe(200);
    offset = 50 * MINUTE;
    expect((await consoleApi(server, session, { Action: 'GetUser' })).status).toBe(200);
    offset = 100 * MINUTE; // MFA 6000 s ago: the NumericLessThan 3600 condition no longer holds
    expect(xmlErrorCode((await consoleApi(server, session, { Action: 'GetUser' })).text)).toBe(
      'AccessDenied',
    );
  });

  it('locks out wrong MFA codes after 5 failures', async () => {
    mfaUsers.add(await user('heidi', 'Heidi-pass-1'));
    mfaCodes.add('111111');
    for (let i = 0; i < 5; i++) {
      expect((await signIn(server, { ...asUser('heidi', 'Heidi-pass-1'), mfaCode: '999999' })).status).toBe(
        401,
      );
    }
    const locked = await signIn(server, { ...asUser('heidi', 'Heidi-pass-1'), mfaCode: '111111' });
    expect(locked.status).toBe(429);
    expect(mfaCodes.has('111111')).toBe(true);
  });
});
