import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  EnableMFADeviceCommand,
  GetMFADeviceCommand,
  ListMFADevicesCommand,
  ListRolesCommand,
  ListUsersCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { allow } from '../operations/support.js';
import { codeAt, testClock } from '../support/mfa.js';
import { ACCOUNT, clients, errorOf, startTestServer } from '../support/server.js';

// The IAM User Guide's example "IAM: Allows IAM users to self-manage an MFA device"
// (reference_policies_examples_iam_mfa-selfmanage): written here from the page's facts (its statements, actions,
// resources and conditions). Until the user is MFA-authenticated, the BlockMostAccessUnlessSignedInWithMFA
// statement denies everything but setting up MFA, even what another policy allows.
const SELF_MANAGE_MFA = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowListActions',
      Effect: 'Allow',
      Action: ['iam:ListUsers', 'iam:ListVirtualMFADevices'],
      Resource: '*',
    },
    {
      Sid: 'AllowUserToCreateVirtualMFADevice',
      Effect: 'Allow',
      Action: ['iam:CreateVirtualMFADevice'],
      Resource: 'arn:aws:iam::*:mfa/*',
    },
    {
      Sid: 'AllowUserToManageTheirOwnMFA',
      Effect: 'Allow',
      Action: ['iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
      Resource: 'arn:aws:iam::*:user/${aws:username}',
    },
    {
      Sid: 'AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA',
      Effect: 'Allow',
      Action: ['iam:DeactivateMFADevice'],
      Resource: ['arn:aws:iam::*:user/${aws:username}'],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      Sid: 'BlockMostAccessUnlessSignedInWithMFA',
      Effect: 'Deny',
      NotAction: [
        'iam:CreateVirtualMFADevice',
        'iam:EnableMFADevice',
        'iam:ListMFADevices',
        'iam:ListUsers',
        'iam:ListVirtualMFADevices',
        'iam:ResyncMFADevice',
      ],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
});

const clock = testClock();
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ clock: clock.now });
});
afterAll(() => server.close());

it('a user under the policy sets up its own MFA with its long-term key, and needs MFA for everything else', async () => {
  const { iam } = clients(server);
  const userName = 'dana';
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({ UserName: userName, PolicyName: 'self-mfa', PolicyDocument: SELF_MANAGE_MFA }),
  );
  // A second policy that allows reading roles: the deny statement still wins without MFA.
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'roles',
      PolicyDocument: allow('iam:ListRoles'),
    }),
  );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const user = clients(server, {
    accessKeyId: AccessKey!.AccessKeyId!,
    secretAccessKey: AccessKey!.SecretAccessKey!,
  });
  const userArn = `arn:aws:iam::${ACCOUNT}:user/${userName}`;

  // Long-term key (aws:MultiFactorAuthPresent absent, so BoolIfExists matches): most actions are denied...
  const denied = await errorOf(() => user.iam.send(new ListRolesCommand({})));
  expect(denied.name).toBe('AccessDenied');
  expect(denied.message).toContain(`User: ${userArn} is not authorized to perform: iam:ListRoles`);
  expect(denied.message).toContain('with an explicit deny in an identity-based policy');
  // ...but the user may list users and set up its own MFA.
  await user.iam.send(new ListUsersCommand({}));
  const { VirtualMFADevice } = await user.iam.send(
    new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: userName }),
  );
  const device = {
    serial: VirtualMFADevice!.SerialNumber!,
    seed: Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString('ascii'),
  };
  const step = clock.step();
  await user.iam.send(
    new EnableMFADeviceCommand({
      UserName: userName,
      SerialNumber: device.serial,
      AuthenticationCode1: codeAt(device, step),
      AuthenticationCode2: codeAt(device, step + 1),
    }),
  );
  expect((await user.iam.send(new ListMFADevicesCommand({}))).MFADevices!.map((d) => d.SerialNumber)).toEqual(
    [device.serial],
  );
  await user.iam.send(new ListVirtualMFADevicesCommand({}));
  // GetMFADevice is allowed by the policy but not in the deny's NotAction: it needs MFA too.
  expect(
    (await errorOf(() => user.iam.send(new GetMFADeviceCommand({ SerialNumber: device.serial })))).name,
  ).toBe('AccessDenied');
  // Deactivating needs MFA: the long-term key cannot remove the second factor.
  const deactivate = () =>
    session.iam.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: device.serial }));
  expect(
    (
      await errorOf(() =>
        user.iam.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: device.serial })),
      )
    ).name,
  ).toBe('AccessDenied');

  // With a session from GetSessionToken and an MFA code, the same user may do what its policies allow.
  clock.advance(2);
  const { Credentials } = await user.sts.send(
    new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: codeAt(device, clock.step()) }),
  );
  const session = clients(server, {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!,
  });
  await session.iam.send(new ListRolesCommand({}));
  const got = await session.iam.send(new GetMFADeviceCommand({ SerialNumber: device.serial }));
  expect(got.SerialNumber).toBe(device.serial);
  await deactivate();
  expect((await session.iam.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
});
