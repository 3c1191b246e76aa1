import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { unique } from './operations/support.js';
import { consoleApi, sessionInfo, sessionOf, signIn, xmlErrorCode } from './support/console.js';
import { codeAt, enable, enableForRoot, newDevice, testClock } from './support/mfa.js';
import { ACCOUNT, clients, ROOT_PASSWORD, startTestServer } from './support/server.js';

// Console sign-in with the account's real virtual MFA devices (src/iam/mfa-devices): a principal with an enabled
// device signs in with its password and then a current TOTP code, which counts once.
const MASTER_KEY = randomBytes(32);
const clock = testClock();
let server: RunningServer;
let iam: IAMClient;
beforeAll(async () => {
  server = await startTestServer({
    clock: clock.now,
    env: { IAMD_MASTER_KEY: MASTER_KEY.toString('base64') },
  });
  iam = clients(server).iam;
});
afterAll(() => server.close());
beforeEach(() => clock.reset());

const MFA_ONLY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'iam:GetUser',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
});

/** A user with a password, a policy that needs MFA, and an enabled virtual device. */
async function userWithDevice(): Promise<{
  userName: string;
  device: Awaited<ReturnType<typeof newDevice>>;
}> {
  const userName = unique('mfa-console');
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: 'Mfa-pass-word-1' }));
  await iam.send(
    new PutUserPolicyCommand({ UserName: userName, PolicyName: 'mfa-only', PolicyDocument: MFA_ONLY }),
  );
  const device = await newDevice(iam, userName);
  await enable(iam, userName, device, clock.step());
  clock.advance(2);
  return { userName, device };
}

describe('console sign-in with a virtual MFA device', () => {
  it('asks for a code after the right password, signs in with a current code, and refuses it a second time', async () => {
    const { userName, device } = await userWithDevice();
    const fields = { account: ACCOUNT, user: userName, password: 'Mfa-pass-word-1' };
    expect((await signIn(server, { ...fields, password: 'Wrong-pass-1' })).body['error']).toBe(
      'AuthenticationFailed',
    );
    const step1 = await signIn(server, fields);
    expect(step1.body).toEqual({ status: 'mfaRequired' });
    expect(step1.headers.get('set-cookie')).toBeNull();
    const wrongCode = codeAt(device, clock.step() + 5);
    expect((await signIn(server, { ...fields, mfaCode: wrongCode })).body['error']).toBe('InvalidMfaCode');

    const code = codeAt(device, clock.step());
    const signedIn = await signIn(server, { ...fields, mfaCode: code });
    expect(signedIn.body).toMatchObject({ status: 'signedIn', mfaAuthenticated: true });
    const session = sessionOf(signedIn);
    expect((await sessionInfo(server, session)).body['mfaAuthenticated']).toBe(true);
    // The session carries aws:MultiFactorAuthPresent, so the MFA-only policy allows it.
    expect((await consoleApi(server, session, { Action: 'GetUser' })).status).toBe(200);
    const replay = await signIn(server, { ...fields, mfaCode: code });
    expect(replay.status).toBe(401);
    expect(replay.body['error']).toBe('InvalidMfaCode');
  });

  it('without the code no session is opened, and a session without MFA is denied by the MFA-only policy', async () => {
    // A user without a device signs in with the password alone; the same policy then denies.
    const userName = unique('no-device');
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: 'Plain-pass-word-1' }));
    await iam.send(
      new PutUserPolicyCommand({ UserName: userName, PolicyName: 'mfa-only', PolicyDocument: MFA_ONLY }),
    );
    const plain = await signIn(server, { account: ACCOUNT, user: userName, password: 'Plain-pass-word-1' });
    expect(plain.body).toMatchObject({ status: 'signedIn', mfaAuthenticated: false });
    const denied = await consoleApi(server, sessionOf(plain), { Action: 'GetUser' });
    expect(xmlErrorCode(denied.text)).toBe('AccessDenied');
  });

  it('locks out wrong codes after 5 failures, even a right code then', async () => {
    const { userName, device } = await userWithDevice();
    const fields = { account: ACCOUNT, user: userName, password: 'Mfa-pass-word-1' };
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await signIn(server, {
            ...fields,
            mfaCode: codeAt(device, clock.step() + 7),
          })
        ).status,
      ).toBe(401);
    }
    expect((await signIn(server, { ...fields, mfaCode: codeAt(device, clock.step()) })).status).toBe(429);
  });

  it('the root user signs in with its device too', async () => {
    const device = await newDevice(iam, unique('root-phone'));
    const outcome = await enableForRoot(server, MASTER_KEY, ACCOUNT, device, clock);
    expect(outcome).toBe('enabled');
    clock.advance(2);
    const fields = { account: ACCOUNT, root: true, password: ROOT_PASSWORD };
    expect((await signIn(server, fields)).body).toEqual({ status: 'mfaRequired' });
    const signedIn = await signIn(server, { ...fields, mfaCode: codeAt(device, clock.step()) });
    expect(signedIn.body).toMatchObject({
      status: 'signedIn',
      mfaAuthenticated: true,
      principal: { kind: 'root' },
    });
  });
});
