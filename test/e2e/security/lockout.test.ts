import {
  ChangePasswordCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  GetUserCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthFailureEvent } from '../../../src/auth/auth-failure.js';
import type { RunningServer } from '../../../src/server/start.js';
import { signIn } from '../support/console.js';
import { ACCOUNT, clients, errorOf, startTestServer } from '../support/server.js';

// Brute-force protection (docs/configuration.md): 5 wrong console passwords per user (20 per address), 10 bad
// signatures per access key id (40 per address); then a lockout of 1 s that doubles with each failure, up to 15 min.
let offset = 0;
let events: AuthFailureEvent[] = [];
let server: RunningServer;
beforeEach(async () => {
  offset = 0;
  events = [];
  server = await startTestServer({
    clock: () => new Date(Date.now() + offset),
    onAuthFailure: (event) => events.push(event),
  });
});
afterEach(() => server.close());

async function userWithPassword(userName: string, password: string): Promise<void> {
  const { iam } = clients(server);
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: password }));
}

const attempt = (user: string, password: string) => signIn(server, { account: ACCOUNT, user, password });

describe('console sign-in lockout', () => {
  it('locks a user out after 5 wrong passwords, refusing even the right one, with a doubling wait', async () => {
    await userWithPassword('alice', 'Right-pass-1');
    for (let i = 0; i < 5; i++) expect((await attempt('alice', 'wrong')).status).toBe(401);
    const locked = await attempt('alice', 'Right-pass-1');
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: 'Throttling', message: 'Rate exceeded' });
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(locked.headers.get('set-cookie')).toBeNull();

    offset = 1_000;
    expect((await attempt('alice', 'wrong')).status).toBe(401);
    const longer = await attempt('alice', 'Right-pass-1');
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');

    // The lockout expires; the right password then signs in and clears the count.
    offset = 3_000;
    expect((await attempt('alice', 'Right-pass-1')).body['status']).toBe('signedIn');
    expect((await attempt('alice', 'wrong')).status).toBe(401);
    expect((await attempt('alice', 'Right-pass-1')).body['status']).toBe('signedIn');
  });

  it('reports every failure, and locked attempts as throttled', async () => {
    await userWithPassword('bob', 'Right-pass-1');
    for (let i = 0; i < 5; i++) await attempt('bob', 'wrong');
    await attempt('bob', 'Right-pass-1');
    expect(events.map((e) => [e.kind, e.userName, e.errorCode, e.throttled])).toEqual([
      ...Array.from({ length: 5 }, () => ['signin-password', 'bob', 'AuthenticationFailed', false]),
      ['signin-password', 'bob', 'Throttling', true],
    ]);
    expect(events[0]!.sourceIp).toBe('127.0.0.1');
  });

  it('counts attempts by account id and by alias together', async () => {
    await clients(server).iam.send(new CreateAccountAliasCommand({ AccountAlias: 'lockout-corp' }));
    await userWithPassword('erin', 'Right-pass-1');
    for (let i = 0; i < 5; i++) {
      const account = i % 2 === 0 ? ACCOUNT : 'lockout-corp';
      expect((await signIn(server, { account, user: 'ERIN', password: 'wrong' })).status).toBe(401);
    }
    expect(
      (await signIn(server, { account: 'lockout-corp', user: 'erin', password: 'Right-pass-1' })).status,
    ).toBe(429);
  });

  it('a user that does not exist is locked out the same way (the lockout reveals nothing)', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('nobody', 'wrong')).status).toBe(401);
    expect((await attempt('nobody', 'wrong')).status).toBe(429);
  });

  it('locks out a source address after 20 failures across users', async () => {
    await userWithPassword('carol', 'Right-pass-1');
    for (let i = 0; i < 20; i++) expect((await attempt(`guess-${i % 4}`, 'wrong')).status).toBe(401);
    // Four users with five failures each: the address is locked, so carol is refused too.
    const refused = await attempt('carol', 'Right-pass-1');
    expect(refused.status).toBe(429);
    offset = 1_000;
    expect((await attempt('carol', 'Right-pass-1')).body['status']).toBe('signedIn');
  });
});

describe('ChangePassword old-password guesses', () => {
  it("count against the same lockout as sign-in, and a locked user's old password is not checked", async () => {
    const { iam } = clients(server);
    await iam.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }));
    await userWithPassword('frank', 'Right-pass-1');
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'frank' }));
    const frank = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    });
    const change = (OldPassword: string) =>
      errorOf(() =>
        frank.iam.send(new ChangePasswordCommand({ OldPassword, NewPassword: 'New-pass-word-2' })),
      );
    for (let i = 0; i < 3; i++) expect((await change(`guess-${i}`)).name).toBe('AccessDenied');
    for (let i = 0; i < 2; i++) expect((await attempt('frank', 'wrong')).status).toBe(401);
    expect(await change('Right-pass-1')).toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      status: 400,
    });
    expect((await attempt('frank', 'Right-pass-1')).status).toBe(429);
    expect(
      events.filter((e) => e.kind === 'change-password').map((e) => [e.userName, e.errorCode, e.throttled]),
    ).toEqual([
      ...Array.from({ length: 3 }, () => ['frank', 'AccessDenied', false]),
      ['frank', 'Throttling', true],
    ]);
    offset = 1_000;
    await frank.iam.send(
      new ChangePasswordCommand({ OldPassword: 'Right-pass-1', NewPassword: 'New-pass-word-2' }),
    );
    expect((await attempt('frank', 'New-pass-word-2')).body['status']).toBe('signedIn');
  });
});

describe('SigV4 signature throttling', () => {
  it('after 10 bad signatures a key gets Throttling until the lockout ends; other keys are unaffected', async () => {
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }));
    const good = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    });
    const bad = clients(server, { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: 'x'.repeat(40) });
    for (let i = 0; i < 10; i++) {
      expect((await errorOf(() => bad.iam.send(new GetUserCommand({})))).name).toBe('SignatureDoesNotMatch');
    }
    const throttled = await errorOf(() => good.sts.send(new GetCallerIdentityCommand({})));
    expect(throttled).toMatchObject({ name: 'Throttling', message: 'Rate exceeded', status: 400 });
    // The root key, from the same address, still works (10 < 40 failures for the address).
    await iam.send(new GetUserCommand({}));
    offset = 1_000;
    const identity = await good.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/dave`);
    expect(events.filter((e) => e.kind === 'signature').map((e) => [e.errorCode, e.throttled])).toEqual([
      ...Array.from({ length: 10 }, () => ['SignatureDoesNotMatch', false]),
      ['Throttling', true],
    ]);
    expect(events[0]!.accessKeyId).toBe(AccessKey!.AccessKeyId);
  });

  it('unknown access key ids count against the address', async () => {
    for (let i = 0; i < 40; i++) {
      const stranger = clients(server, {
        accessKeyId: `AKIA${String(i).padStart(16, 'Z')}`,
        secretAccessKey: 'x'.repeat(40),
      });
      expect((await errorOf(() => stranger.iam.send(new GetUserCommand({})))).name).toBe(
        'InvalidClientTokenId',
      );
    }
    const { iam } = clients(server);
    expect(await errorOf(() => iam.send(new GetUserCommand({})))).toMatchObject({ name: 'Throttling' });
    offset = 1_000;
    await iam.send(new GetUserCommand({}));
  });
});
