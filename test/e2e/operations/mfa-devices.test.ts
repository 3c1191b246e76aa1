import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetAccountSummaryCommand,
  GetMFADeviceCommand,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { codeAt, enable, newDevice, testClock } from '../support/mfa.js';
import { ACCOUNT, clients, startTestServer } from '../support/server.js';
import { accessDenied, allow, expectError, unique } from './support.js';

// Virtual MFA devices (IAM API reference: CreateVirtualMFADevice, EnableMFADevice, ResyncMFADevice,
// DeactivateMFADevice, DeleteVirtualMFADevice, ListMFADevices, ListVirtualMFADevices, GetMFADevice and the tag
// operations). Messages as recorded from AWS in shared/aws-reference (test_iam_mfa) where AWS was recorded.
const clock = testClock();
let server: RunningServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startTestServer({ clock: clock.now });
  iam = clients(server).iam;
});
afterAll(() => server.close());
beforeEach(() => clock.reset());

async function newUser(): Promise<string> {
  const name = unique('mfa-user');
  await iam.send(new CreateUserCommand({ UserName: name }));
  return name;
}

const mfaArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:mfa${path}${name}`;

describe('CreateVirtualMFADevice', () => {
  it('returns the serial number (the ARN), a 32-character Base32 seed and a PNG QR code', async () => {
    const name = unique('phone');
    const { VirtualMFADevice } = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: '/team/' }),
    );
    expect(VirtualMFADevice!.SerialNumber).toBe(mfaArn(name, '/team/'));
    expect(Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString('ascii')).toMatch(/^[A-Z2-7]{32}$/);
    const png = Buffer.from(VirtualMFADevice!.QRCodePNG!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('a name already in use is EntityAlreadyExists (409)', async () => {
    const name = unique('phone');
    await newDevice(iam, name);
    await expectError(() => iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name })), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'MFA device already exists.',
    });
  });

  it('a path without its slashes is a ValidationError (400)', async () => {
    for (const Path of ['invalid-path/', '/invalid-path']) {
      await expectError(
        () => iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: unique('p'), Path })),
        {
          name: 'ValidationError',
          status: 400,
          message:
            'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
        },
      );
    }
  });

  it('a caller without iam:CreateVirtualMFADevice is denied on the device ARN', async () => {
    const user = await newUser();
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
    const caller = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    }).iam;
    await expectError(
      () => caller.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mine' })),
      accessDenied(`arn:aws:iam::${ACCOUNT}:user/${user}`, 'iam:CreateVirtualMFADevice', mfaArn('mine')),
    );
  });
});

describe('EnableMFADevice', () => {
  it('assigns the device with two consecutive codes; ListMFADevices then shows it', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: user }))).MFADevices).toEqual([]);
    await enable(iam, user, device, clock.step());
    const { MFADevices, IsTruncated } = await iam.send(new ListMFADevicesCommand({ UserName: user }));
    expect(IsTruncated).toBe(false);
    expect(MFADevices).toEqual([
      { UserName: user, SerialNumber: device.serial, EnableDate: expect.any(Date) },
    ]);
  });

  it('accepts the previous and current codes too, but not codes two steps apart or out of order', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    const step = clock.step();
    for (const [c1, c2] of [
      [step, step + 2],
      [step + 1, step],
      [step - 3, step - 2],
    ] as const) {
      await expectError(
        () =>
          iam.send(
            new EnableMFADeviceCommand({
              UserName: user,
              SerialNumber: device.serial,
              AuthenticationCode1: codeAt(device, c1),
              AuthenticationCode2: codeAt(device, c2),
            }),
          ),
        {
          name: 'InvalidAuthenticationCodeException',
          status: 403,
          message: 'Authentication code for device is not valid.',
        },
      );
    }
    await enable(iam, user, device, step - 1);
  });

  it('a missing user is NoSuchEntity (404) before the codes are looked at', async () => {
    const device = await newDevice(iam, unique('phone'));
    await expectError(
      () =>
        iam.send(
          new EnableMFADeviceCommand({
            UserName: 'nonexistent-user',
            SerialNumber: device.serial,
            AuthenticationCode1: '123456',
            AuthenticationCode2: '654321',
          }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The user with name nonexistent-user cannot be found.',
      },
    );
  });

  it('a device already in use is EntityAlreadyExists (409)', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const device = await newDevice(iam, unique('phone'));
    await enable(iam, alice, device, clock.step());
    clock.advance(2);
    await expectError(() => enable(iam, bob, device, clock.step()), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'MFA Device is already in use.',
    });
  });

  it('codes must be six digits (ValidationError)', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    await expectError(
      () =>
        iam.send(
          new EnableMFADeviceCommand({
            UserName: user,
            SerialNumber: device.serial,
            AuthenticationCode1: '12345',
            AuthenticationCode2: 'abcdef',
          }),
        ),
      { name: 'ValidationError', status: 400 },
    );
  });
});

describe('ResyncMFADevice', () => {
  it('re-aligns a drifted device: later codes are checked on its clock', async () => {
    const user = await newUser();
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
    const { sts } = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    });
    const device = await newDevice(iam, unique('phone'));
    await enable(iam, user, device, clock.step());
    // The phone's clock runs five steps (2.5 minutes) ahead of the server's: its codes are out of tolerance.
    const drift = 5;
    const session = (step: number) =>
      sts.send(
        new GetSessionTokenCommand({ SerialNumber: device.serial, TokenCode: codeAt(device, step + drift) }),
      );
    clock.advance(2);
    await expectError(() => session(clock.step()), { name: 'AccessDenied', status: 403 });
    await iam.send(
      new ResyncMFADeviceCommand({
        UserName: user,
        SerialNumber: device.serial,
        AuthenticationCode1: codeAt(device, clock.step() + drift),
        AuthenticationCode2: codeAt(device, clock.step() + drift + 1),
      }),
    );
    clock.advance(2);
    const { Credentials } = await session(clock.step());
    expect(Credentials!.AccessKeyId).toMatch(/^ASIA/);
  });

  it('codes outside the resync window are InvalidAuthenticationCode (403); a device not the user’s is NoSuchEntity', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    await enable(iam, user, device, clock.step());
    const far = clock.step() + 40;
    await expectError(
      () =>
        iam.send(
          new ResyncMFADeviceCommand({
            UserName: user,
            SerialNumber: device.serial,
            AuthenticationCode1: codeAt(device, far),
            AuthenticationCode2: codeAt(device, far + 1),
          }),
        ),
      { name: 'InvalidAuthenticationCodeException', status: 403 },
    );
    const other = await newDevice(iam, unique('phone'));
    await expectError(
      () =>
        iam.send(
          new ResyncMFADeviceCommand({
            UserName: user,
            SerialNumber: other.serial,
            AuthenticationCode1: codeAt(other, clock.step()),
            AuthenticationCode2: codeAt(other, clock.step() + 1),
          }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: `MFA Device with serial number ${other.serial} does not exist.`,
      },
    );
  });
});

describe('DeactivateMFADevice', () => {
  it('unassigns the device, which is listed as unassigned again', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    await enable(iam, user, device, clock.step());
    await iam.send(new DeactivateMFADeviceCommand({ UserName: user, SerialNumber: device.serial }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: user }))).MFADevices).toEqual([]);
    const unassigned = await listAll({ AssignmentStatus: 'Unassigned' });
    expect(unassigned.map((d) => d.SerialNumber)).toContain(device.serial);
  });

  it('a missing user or a device the user does not have is NoSuchEntity (404)', async () => {
    const device = await newDevice(iam, unique('phone'));
    await expectError(
      () =>
        iam.send(
          new DeactivateMFADeviceCommand({ UserName: 'nonexistent-user', SerialNumber: device.serial }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The user with name nonexistent-user cannot be found.',
      },
    );
    const user = await newUser();
    const missing = mfaArn('nonexistent-mfa');
    await expectError(
      () => iam.send(new DeactivateMFADeviceCommand({ UserName: user, SerialNumber: missing })),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: `MFA Device with serial number ${missing} does not exist.`,
      },
    );
  });
});

describe('DeleteVirtualMFADevice', () => {
  it('deletes an unassigned device', async () => {
    const device = await newDevice(iam, unique('phone'));
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial }));
    expect((await listAll({})).map((d) => d.SerialNumber)).not.toContain(device.serial);
  });

  it('an enabled device is DeleteConflict (409); a missing one NoSuchEntity (404)', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    await enable(iam, user, device, clock.step());
    await expectError(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial })), {
      name: 'DeleteConflictException',
      status: 409,
    });
    const missing = mfaArn('nonexistent-device');
    await expectError(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: missing })), {
      name: 'NoSuchEntityException',
      status: 404,
      message: `MFA Device with serial number ${missing} does not exist.`,
    });
  });
});

describe('GetAccountSummary', () => {
  it('counts virtual devices and the assigned ones', async () => {
    const before = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    await newDevice(iam, unique('phone'));
    await enable(iam, user, device, clock.step());
    const after = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(after['MFADevices']! - before['MFADevices']!).toBe(2);
    expect(after['MFADevicesInUse']! - before['MFADevicesInUse']!).toBe(1);
    expect(after['AccountMFAEnabled']).toBe(0);
  });
});

describe('DeleteUser', () => {
  it('a user with an MFA device is DeleteConflict until the device is deactivated', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    await enable(iam, user, device, clock.step());
    await expectError(() => iam.send(new DeleteUserCommand({ UserName: user })), {
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must delete MFA device first.',
    });
    await iam.send(new DeactivateMFADeviceCommand({ UserName: user, SerialNumber: device.serial }));
    await iam.send(new DeleteUserCommand({ UserName: user }));
  });
});

async function listAll(input: { AssignmentStatus?: 'Assigned' | 'Unassigned' | 'Any' }) {
  const out = await iam.send(new ListVirtualMFADevicesCommand({ ...input, MaxItems: 1000 }));
  return out.VirtualMFADevices!;
}

describe('ListVirtualMFADevices', () => {
  it('filters by AssignmentStatus; assigned devices carry their User and EnableDate, never a seed', async () => {
    const user = await newUser();
    const [assigned, free] = [await newDevice(iam, unique('a')), await newDevice(iam, unique('u'))];
    await enable(iam, user, assigned, clock.step());
    const any = await listAll({ AssignmentStatus: 'Any' });
    const assignedOnly = await listAll({ AssignmentStatus: 'Assigned' });
    const unassignedOnly = await listAll({ AssignmentStatus: 'Unassigned' });
    expect(any.map((d) => d.SerialNumber)).toEqual(expect.arrayContaining([assigned.serial, free.serial]));
    expect(assignedOnly.map((d) => d.SerialNumber)).toContain(assigned.serial);
    expect(assignedOnly.map((d) => d.SerialNumber)).not.toContain(free.serial);
    expect(unassignedOnly.map((d) => d.SerialNumber)).toContain(free.serial);
    expect(unassignedOnly.map((d) => d.SerialNumber)).not.toContain(assigned.serial);
    const listed = assignedOnly.find((d) => d.SerialNumber === assigned.serial)!;
    expect(listed.User).toMatchObject({
      UserName: user,
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
    });
    expect(listed.EnableDate).toBeInstanceOf(Date);
    expect(listed.Base32StringSeed).toBeUndefined();
    expect(listed.QRCodePNG).toBeUndefined();
    expect(unassignedOnly.find((d) => d.SerialNumber === free.serial)).toEqual({ SerialNumber: free.serial });
  });

  it('pages with MaxItems and Marker; a bad marker or status is a ValidationError', async () => {
    await newDevice(iam, unique('page'));
    await newDevice(iam, unique('page'));
    const first = await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 1 }));
    expect(first.VirtualMFADevices).toHaveLength(1);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 1, Marker: first.Marker }));
    expect(second.VirtualMFADevices![0]!.SerialNumber).not.toBe(first.VirtualMFADevices![0]!.SerialNumber);
    await expectError(() => iam.send(new ListVirtualMFADevicesCommand({ Marker: 'invalid-marker-value' })), {
      name: 'ValidationError',
      status: 400,
      message: 'Invalid Marker.',
    });
    await expectError(
      () => iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Sometimes' as 'Any' })),
      { name: 'ValidationError', status: 400 },
    );
  });
});

describe('ListMFADevices', () => {
  it('without UserName lists the calling user’s devices; another user’s need permission on that user', async () => {
    const user = await newUser();
    const other = await newUser();
    await iam.send(
      new PutUserPolicyCommand({
        UserName: user,
        PolicyName: 'own-mfa',
        PolicyDocument: allow('iam:ListMFADevices', 'arn:aws:iam::*:user/${aws:username}'),
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
    const device = await newDevice(iam, unique('phone'));
    await enable(iam, user, device, clock.step());
    const { iam: caller } = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    });
    const own = await caller.send(new ListMFADevicesCommand({}));
    expect(own.MFADevices!.map((d) => [d.UserName, d.SerialNumber])).toEqual([[user, device.serial]]);
    await expectError(
      () => caller.send(new ListMFADevicesCommand({ UserName: other })),
      accessDenied(
        `arn:aws:iam::${ACCOUNT}:user/${user}`,
        'iam:ListMFADevices',
        `arn:aws:iam::${ACCOUNT}:user/${other}`,
      ),
    );
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(() => iam.send(new ListMFADevicesCommand({ UserName: 'nobody-here' })), {
      name: 'NoSuchEntityException',
      status: 404,
    });
  });
});

describe('GetMFADevice', () => {
  it('returns an enabled device of the user; others are NoSuchEntity (404)', async () => {
    const user = await newUser();
    const device = await newDevice(iam, unique('phone'));
    const missingOut = () =>
      iam.send(new GetMFADeviceCommand({ UserName: user, SerialNumber: device.serial }));
    await expectError(missingOut, {
      name: 'NoSuchEntityException',
      status: 404,
      message: `MFA Device with serial number ${device.serial} does not exist.`,
    });
    await enable(iam, user, device, clock.step());
    const out = await missingOut();
    expect(out).toMatchObject({ UserName: user, SerialNumber: device.serial });
    expect(out.EnableDate).toBeInstanceOf(Date);
  });
});

describe('TagMFADevice, UntagMFADevice, ListMFADeviceTags', () => {
  it('tags at creation and later, untags, and lists in key order', async () => {
    const name = unique('tagged');
    const { VirtualMFADevice } = await iam.send(
      new CreateVirtualMFADeviceCommand({
        VirtualMFADeviceName: name,
        Tags: [{ Key: 'team', Value: 'red' }],
      }),
    );
    const SerialNumber = VirtualMFADevice!.SerialNumber!;
    expect(VirtualMFADevice!.Tags).toEqual([{ Key: 'team', Value: 'red' }]);
    await iam.send(new TagMFADeviceCommand({ SerialNumber, Tags: [{ Key: 'env', Value: 'prod' }] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber }))).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'red' },
    ]);
    await iam.send(new UntagMFADeviceCommand({ SerialNumber, TagKeys: ['team'] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber }))).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
  });

  it('a missing device is NoSuchEntity (404) for each', async () => {
    const SerialNumber = mfaArn('no-such-device');
    const noSuch = {
      name: 'NoSuchEntityException',
      status: 404,
      message: `MFA Device with serial number ${SerialNumber} does not exist.`,
    };
    await expectError(
      () => iam.send(new TagMFADeviceCommand({ SerialNumber, Tags: [{ Key: 'k', Value: 'v' }] })),
      noSuch,
    );
    await expectError(() => iam.send(new UntagMFADeviceCommand({ SerialNumber, TagKeys: ['k'] })), noSuch);
    await expectError(() => iam.send(new ListMFADeviceTagsCommand({ SerialNumber })), noSuch);
  });
});
