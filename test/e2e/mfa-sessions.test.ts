import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountSummaryCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enabledMfaDevice } from '../../src/iam/mfa-devices/verify-code.js';
import type { RunningServer } from '../../src/server/start.js';
import { allow, expectError, policyDocument, unique } from './operations/support.js';
import { codeAt, enable, enableForRoot, newDevice, testClock } from './support/mfa.js';
import { ACCOUNT, ROOT, clients, startTestServer } from './support/server.js';

// MFA in STS credentials (STS API reference, GetSessionToken and AssumeRole: SerialNumber and TokenCode; IAM User
// Guide, "Configuring MFA-protected API access" and the global condition keys aws:MultiFactorAuthPresent and
// aws:MultiFactorAuthAge). Error messages are those AWS returns (as quoted in aws-cli and tool issue reports).
const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
const UNKNOWN_DEVICE =
  'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';

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

function signed(creds: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }) {
  return clients(server, {
    accessKeyId: creds.AccessKeyId!,
    secretAccessKey: creds.SecretAccessKey!,
    sessionToken: creds.SessionToken,
  });
}

/** A user with an access key, an enabled device (codes of this step and the next spent), and a policy. */
async function userWithDevice(policy: string) {
  const userName = unique('mfa');
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'p', PolicyDocument: policy }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const device = await newDevice(iam, unique('phone'));
  await enable(iam, userName, device, clock.step());
  // The enabling codes are spent: move on to a fresh step.
  clock.advance(2);
  return { userName, device, ...signed(AccessKey!) };
}

/** Allows iam:GetUser only when the condition holds: a probe of the request context. */
function getUserIf(condition: object): string {
  return policyDocument({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*', Condition: condition });
}

describe('aws:MultiFactorAuthPresent', () => {
  it('is absent for long-term keys, false for role sessions without MFA, true with MFA', async () => {
    const probe = policyDocument(
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'iam:GetUser',
        Resource: '*',
        Condition: { Null: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      {
        Effect: 'Allow',
        Action: 'iam:ListMFADevices',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
      {
        Effect: 'Allow',
        Action: 'iam:ListAccessKeys',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    );
    const user = await userWithDevice(probe);
    const roleName = unique('probe');
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: policyDocument({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'sts:AssumeRole',
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'probe', PolicyDocument: probe }),
    );
    const denied = { name: 'AccessDenied', status: 403 };

    // Long-term key: the key is absent (Null true).
    await user.iam.send(new GetUserCommand({}));
    await expectError(() => user.iam.send(new ListMFADevicesCommand({})), denied);
    await expectError(() => user.iam.send(new ListAccessKeysCommand({})), denied);

    const plain = signed(
      (await user.sts.send(new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'plain' })))
        .Credentials!,
    );
    await plain.iam.send(new ListMFADevicesCommand({ UserName: user.userName }));
    await expectError(() => plain.iam.send(new GetUserCommand({ UserName: user.userName })), denied);
    await expectError(() => plain.iam.send(new ListAccessKeysCommand({ UserName: user.userName })), denied);

    const withMfa = signed(
      (
        await user.sts.send(
          new AssumeRoleCommand({
            RoleArn: Role!.Arn!,
            RoleSessionName: 'mfa',
            SerialNumber: user.device.serial,
            TokenCode: codeAt(user.device, clock.step()),
          }),
        )
      ).Credentials!,
    );
    await withMfa.iam.send(new ListAccessKeysCommand({ UserName: user.userName }));
    await expectError(() => withMfa.iam.send(new ListMFADevicesCommand({ UserName: user.userName })), denied);
    await expectError(() => withMfa.iam.send(new GetUserCommand({ UserName: user.userName })), denied);
  });

  it('aws:MultiFactorAuthAge counts seconds since the code was entered', async () => {
    const user = await userWithDevice(getUserIf({ NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } }));
    const { Credentials } = await user.sts.send(
      new GetSessionTokenCommand({
        SerialNumber: user.device.serial,
        TokenCode: codeAt(user.device, clock.step()),
      }),
    );
    const session = signed(Credentials!);
    await session.iam.send(new GetUserCommand({}));
    clock.advance(11); // 330 s later
    await expectError(() => session.iam.send(new GetUserCommand({})), { name: 'AccessDenied', status: 403 });
  });
});

describe('GetSessionToken with SerialNumber and TokenCode', () => {
  it('a wrong code, a device of someone else, or a missing code is AccessDenied with AWS’s messages', async () => {
    const user = await userWithDevice(allow('iam:GetUser'));
    const other = await userWithDevice(allow('iam:GetUser'));
    const wrong = String((Number(codeAt(user.device, clock.step())) + 1) % 1_000_000).padStart(6, '0');
    await expectError(
      () => user.sts.send(new GetSessionTokenCommand({ SerialNumber: user.device.serial, TokenCode: wrong })),
      { name: 'AccessDenied', status: 403, message: INVALID_CODE },
    );
    await expectError(
      () =>
        user.sts.send(
          new GetSessionTokenCommand({
            SerialNumber: other.device.serial,
            TokenCode: codeAt(other.device, clock.step()),
          }),
        ),
      { name: 'AccessDenied', status: 403, message: UNKNOWN_DEVICE },
    );
    await expectError(
      () =>
        user.sts.send(
          new GetSessionTokenCommand({
            SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/not-a-device`,
            TokenCode: codeAt(user.device, clock.step()),
          }),
        ),
      { name: 'AccessDenied', status: 403, message: UNKNOWN_DEVICE },
    );
    await expectError(() => user.sts.send(new GetSessionTokenCommand({ SerialNumber: user.device.serial })), {
      name: 'AccessDenied',
      status: 403,
      message: INVALID_CODE,
    });
    // The other user's code was not spent by the refused request.
    await other.sts.send(
      new GetSessionTokenCommand({
        SerialNumber: other.device.serial,
        TokenCode: codeAt(other.device, clock.step()),
      }),
    );
  });

  it('the root user’s device makes an MFA session for root', async () => {
    const device = await newDevice(iam, unique('root-phone'));
    const outcome = await enableForRoot(server, MASTER_KEY, ACCOUNT, device, clock);
    expect(outcome).toBe('enabled');
    expect(await enabledMfaDevice(server.store, ACCOUNT, { kind: 'root' })).toEqual({
      serialNumber: device.serial,
    });
    const root = clients(server, ROOT);
    const listed = await root.iam.send(new ListMFADevicesCommand({}));
    expect(listed.MFADevices!.map((d) => d.SerialNumber)).toEqual([device.serial]);
    const summary = (await root.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(summary['AccountMFAEnabled']).toBe(1);
    clock.advance(2);
    const { Credentials } = await root.sts.send(
      new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: codeAt(device, clock.step()) }),
    );
    expect(Credentials!.AccessKeyId).toMatch(/^ASIA/);
  });
});

describe('AssumeRole with SerialNumber and TokenCode', () => {
  async function mfaRole(): Promise<string> {
    const name = unique('needs-mfa');
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: policyDocument({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
      }),
    );
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: unique('assume'),
        PolicyDocument: policyDocument(
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'iam:GetUser',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ),
      }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: Policy!.Arn! }));
    return Role!.Arn!;
  }

  it('the trust policy sees aws:MultiFactorAuthPresent true only when a valid code is passed', async () => {
    const roleArn = await mfaRole();
    const user = await userWithDevice(allow('sts:AssumeRole'));
    await expectError(
      () => user.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'no-mfa' })),
      { name: 'AccessDenied', status: 403 },
    );
    const { Credentials } = await user.sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'with-mfa',
        SerialNumber: user.device.serial,
        TokenCode: codeAt(user.device, clock.step()),
      }),
    );
    // The role session is MFA-authenticated, and role chaining keeps it so: it may assume the role again.
    const session = signed(Credentials!);
    const got = await session.iam.send(new GetUserCommand({ UserName: user.userName }));
    expect(got.User!.UserName).toBe(user.userName);
    const chained = await session.sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'chained' }),
    );
    expect(chained.AssumedRoleUser!.Arn).toContain('/chained');
  });

  it('a session from GetSessionToken with MFA assumes the role without a new code', async () => {
    const roleArn = await mfaRole();
    const user = await userWithDevice(allow('sts:AssumeRole'));
    const { Credentials } = await user.sts.send(
      new GetSessionTokenCommand({
        SerialNumber: user.device.serial,
        TokenCode: codeAt(user.device, clock.step()),
      }),
    );
    const assumed = await signed(Credentials!).sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'from-mfa-session' }),
    );
    expect(assumed.Credentials!.AccessKeyId).toMatch(/^ASIA/);
  });

  it('a role session cannot present a device: it has none', async () => {
    const roleArn = await mfaRole();
    const user = await userWithDevice(allow('sts:AssumeRole'));
    const first = await user.sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'first',
        SerialNumber: user.device.serial,
        TokenCode: codeAt(user.device, clock.step()),
      }),
    );
    clock.advance(1);
    await expectError(
      () =>
        signed(first.Credentials!).sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: 'second',
            SerialNumber: user.device.serial,
            TokenCode: codeAt(user.device, clock.step()),
          }),
        ),
      { name: 'AccessDenied', status: 403, message: UNKNOWN_DEVICE },
    );
  });
});
