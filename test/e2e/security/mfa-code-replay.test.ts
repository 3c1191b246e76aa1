import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeactivateMFADeviceCommand,
  EnableMFADeviceCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { allow, expectError, policyDocument, unique } from '../operations/support.js';
import { codeAt, enable, newDevice, testClock } from '../support/mfa.js';
import { ACCOUNT, clients, errorOf, startTestServer } from '../support/server.js';

// A TOTP code is good once (RFC 6238, section 5.2: "the verifier MUST NOT accept the second attempt of the same
// OTP after the successful validation has been issued for the first OTP"), and only within one step of now.
const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
const refused = { name: 'AccessDenied', status: 403, message: INVALID_CODE };

const clock = testClock();
let server: RunningServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startTestServer({ clock: clock.now });
  iam = clients(server).iam;
});
afterAll(() => server.close());
beforeEach(() => clock.reset());

/** A user who may assume roles, with an access key and an enabled device (enabled with this step and the next). */
async function mfaUser() {
  const userName = unique('replay');
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'p',
      PolicyDocument: allow('sts:AssumeRole'),
    }),
  );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const device = await newDevice(iam, unique('phone'));
  const enabledAt = clock.step();
  await enable(iam, userName, device, enabledAt);
  const { sts } = clients(server, {
    accessKeyId: AccessKey!.AccessKeyId!,
    secretAccessKey: AccessKey!.SecretAccessKey!,
  });
  const session = (code: string) =>
    sts.send(new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: code }));
  return { userName, device, sts, session, enabledAt };
}

async function role(): Promise<string> {
  const { Role } = await iam.send(
    new CreateRoleCommand({
      RoleName: unique('replay-role'),
      AssumeRolePolicyDocument: policyDocument({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'sts:AssumeRole',
      }),
    }),
  );
  return Role!.Arn!;
}

describe('a code is accepted once', () => {
  it('the codes that enabled a device cannot open a session, nor enable it again', async () => {
    const user = await mfaUser();
    await expectError(() => user.session(codeAt(user.device, user.enabledAt + 1)), refused);
    await expectError(() => user.session(codeAt(user.device, user.enabledAt)), refused);
    await iam.send(
      new DeactivateMFADeviceCommand({ UserName: user.userName, SerialNumber: user.device.serial }),
    );
    await expectError(() => enable(iam, user.userName, user.device, user.enabledAt), {
      name: 'InvalidAuthenticationCodeException',
      status: 403,
    });
  });

  it('GetSessionToken: the same code a second time is refused', async () => {
    const user = await mfaUser();
    clock.advance(2);
    const code = codeAt(user.device, clock.step());
    await user.session(code);
    await expectError(() => user.session(code), refused);
  });

  it('AssumeRole: the same code a second time is refused, in AssumeRole or GetSessionToken', async () => {
    const user = await mfaUser();
    const roleArn = await role();
    clock.advance(2);
    const code = codeAt(user.device, clock.step());
    const assume = () =>
      user.sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: 'once',
          SerialNumber: user.device.serial,
          TokenCode: code,
        }),
      );
    await assume();
    await expectError(assume, refused);
    await expectError(() => user.session(code), refused);
  });

  it('a code older than one already accepted is refused too', async () => {
    const user = await mfaUser();
    clock.advance(3);
    await user.session(codeAt(user.device, clock.step() + 1));
    await expectError(() => user.session(codeAt(user.device, clock.step())), refused);
  });

  it('concurrent submissions of one code: exactly one succeeds', async () => {
    const user = await mfaUser();
    const roleArn = await role();
    clock.advance(2);
    const code = codeAt(user.device, clock.step());
    const attempts = await Promise.allSettled([
      ...Array.from({ length: 8 }, () => user.session(code)),
      ...Array.from({ length: 8 }, (_, i) =>
        user.sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: `race-${i}`,
            SerialNumber: user.device.serial,
            TokenCode: code,
          }),
        ),
      ),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect((attempt.reason as Error).message).toBe(INVALID_CODE);
      }
    }
  });

  it('concurrent EnableMFADevice of one device for two users: exactly one succeeds', async () => {
    const users = [unique('racer'), unique('racer')];
    for (const UserName of users) await iam.send(new CreateUserCommand({ UserName }));
    const device = await newDevice(iam, unique('phone'));
    const step = clock.step();
    const attempts = await Promise.allSettled(
      users.map((UserName) =>
        iam.send(
          new EnableMFADeviceCommand({
            UserName,
            SerialNumber: device.serial,
            AuthenticationCode1: codeAt(device, step),
            AuthenticationCode2: codeAt(device, step + 1),
          }),
        ),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('a code is accepted within one step of now', () => {
  it('codes of the previous and next steps are accepted', async () => {
    for (const offset of [-1, 1]) {
      const user = await mfaUser();
      clock.advance(3);
      const { Credentials } = await user.session(codeAt(user.device, clock.step() + offset));
      expect(Credentials!.AccessKeyId).toMatch(/^ASIA/);
    }
  });

  it('codes two or more steps away are refused', async () => {
    const user = await mfaUser();
    clock.advance(5);
    const now = clock.step();
    const near = new Set([-1, 0, 1].map((o) => codeAt(user.device, now + o)));
    for (const offset of [-3, -2, 2, 3, 20]) {
      const code = codeAt(user.device, now + offset);
      // A code equal to one in the window by chance (one in a million) would be valid: skip it.
      if (near.has(code)) continue;
      const error = await errorOf(() => user.session(code));
      expect(error.message).toBe(INVALID_CODE);
    }
  });
});
