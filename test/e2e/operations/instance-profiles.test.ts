import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  GetInstanceProfileCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { expectError, idPattern, serverForFile, trustService, unique } from './support.js';

// Instance profiles (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html and the
// pages it links; shapes and messages as recorded in test_iam_instance_profiles).
const env = serverForFile();

const noSuchProfile = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `Instance Profile ${name} cannot be found.`,
});
const noSuchRole = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The role with name ${name} cannot be found.`,
});

async function createProfile(name: string, path?: string) {
  return (await env.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name, Path: path })))
    .InstanceProfile!;
}

async function createRole() {
  const name = unique('role');
  await env.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustService() }));
  return name;
}

describe('CreateInstanceProfile', () => {
  it('returns the profile with an AIPA id, its ARN with the path, no roles, and the tags given', async () => {
    const name = unique('web');
    const { InstanceProfile } = await env.iam.send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: name,
        Path: '/fleet/',
        Tags: [{ Key: 'InitialKey', Value: 'InitialValue' }],
      }),
    );
    expect(InstanceProfile).toMatchObject({
      InstanceProfileName: name,
      Path: '/fleet/',
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/fleet/${name}`,
      Roles: [],
      Tags: [{ Key: 'InitialKey', Value: 'InitialValue' }],
    });
    expect(InstanceProfile!.InstanceProfileId).toMatch(idPattern('AIPA'));
    expect(InstanceProfile!.CreateDate).toBeInstanceOf(Date);
  });

  it('a name already taken is EntityAlreadyExists (409)', async () => {
    const name = unique('dup');
    await createProfile(name);
    await expectError(() => env.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name })), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: `Instance Profile ${name} already exists.`,
    });
  });
});

describe('GetInstanceProfile', () => {
  it('returns the profile with its role', async () => {
    const name = unique('get');
    const created = await createProfile(name);
    const role = await createRole();
    await env.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: role }));
    const { InstanceProfile } = await env.iam.send(
      new GetInstanceProfileCommand({ InstanceProfileName: name }),
    );
    expect(InstanceProfile).toMatchObject({
      InstanceProfileName: name,
      InstanceProfileId: created.InstanceProfileId,
      Arn: created.Arn,
      Path: '/',
    });
    expect(InstanceProfile!.Roles).toHaveLength(1);
    expect(InstanceProfile!.Roles![0]).toMatchObject({
      RoleName: role,
      Arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
    });
    expect(InstanceProfile!.Roles![0]!.RoleId).toMatch(idPattern('AROA'));
    expect(InstanceProfile!.Roles![0]!.CreateDate).toBeInstanceOf(Date);
  });

  it('a missing profile is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'nonexistent-profile' })),
      noSuchProfile('nonexistent-profile'),
    );
  });
});

describe('ListInstanceProfiles', () => {
  it('filters by path prefix and pages', async () => {
    const path = `/${unique('lip')}/`;
    const names = [unique('p-a'), unique('p-b'), unique('p-c')];
    for (const name of names) await createProfile(name, path);
    const first = await env.iam.send(new ListInstanceProfilesCommand({ PathPrefix: path, MaxItems: 2 }));
    expect(first.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(names.slice(0, 2));
    expect(first.InstanceProfiles![0]!.InstanceProfileId).toMatch(idPattern('AIPA'));
    expect(first.InstanceProfiles![0]!.Roles).toEqual([]);
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(
      new ListInstanceProfilesCommand({ PathPrefix: path, Marker: first.Marker }),
    );
    expect(second.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(names.slice(2));
    expect(second.IsTruncated).toBe(false);
  });

  it('an unreadable Marker is ValidationError (400)', async () => {
    await expectError(() => env.iam.send(new ListInstanceProfilesCommand({ Marker: 'garbage' })), {
      name: 'ValidationError',
      status: 400,
      message: 'Invalid Marker.',
    });
  });
});

describe('DeleteInstanceProfile', () => {
  it('deletes an empty profile', async () => {
    const name = unique('del');
    await createProfile(name);
    const out = await env.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: name }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(
      () => env.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name })),
      noSuchProfile(name),
    );
  });

  it('a profile that still has a role is DeleteConflict (409)', async () => {
    const name = unique('del');
    await createProfile(name);
    await env.iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: await createRole() }),
    );
    await expectError(() => env.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: name })), {
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must remove roles from instance profile first.',
    });
  });

  it('a missing profile is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'nonexistent-profile' })),
      noSuchProfile('nonexistent-profile'),
    );
  });
});

describe('AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile', () => {
  it('adds and removes the role', async () => {
    const name = unique('pair');
    await createProfile(name);
    const role = await createRole();
    await env.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: role }));
    const withRole = await env.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
    expect(withRole.InstanceProfile!.Roles!.map((r) => r.RoleName)).toEqual([role]);
    await env.iam.send(
      new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: name, RoleName: role }),
    );
    const without = await env.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
    expect(without.InstanceProfile!.Roles).toEqual([]);
  });

  it('a second role is LimitExceeded (409)', async () => {
    const name = unique('one');
    await createProfile(name);
    await env.iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: await createRole() }),
    );
    const second = await createRole();
    await expectError(
      () =>
        env.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: second })),
      {
        name: 'LimitExceededException',
        status: 409,
        message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      },
    );
  });

  it('a missing profile or role is NoSuchEntity (404), as recorded', async () => {
    const name = unique('errs');
    await createProfile(name);
    const role = await createRole();
    await expectError(
      () =>
        env.iam.send(
          new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'nonexistent-profile', RoleName: role }),
        ),
      noSuchProfile('nonexistent-profile'),
    );
    await expectError(
      () =>
        env.iam.send(
          new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: 'nonexistent-role' }),
        ),
      noSuchRole('nonexistent-role'),
    );
    await expectError(
      () =>
        env.iam.send(
          new RemoveRoleFromInstanceProfileCommand({
            InstanceProfileName: 'nonexistent-profile',
            RoleName: role,
          }),
        ),
      noSuchProfile('nonexistent-profile'),
    );
    await expectError(
      () =>
        env.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: name, RoleName: role })),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: `Role ${role} in Instance Profile ${name} cannot be found.`,
      },
    );
  });
});

describe('ListInstanceProfilesForRole', () => {
  it('lists the profiles that hold the role, in pages', async () => {
    const role = await createRole();
    const names = [unique('f-a'), unique('f-b'), unique('f-c')];
    for (const name of names) {
      await createProfile(name);
      await env.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: role }));
    }
    const first = await env.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: role, MaxItems: 2 }));
    expect(first.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(names.slice(0, 2));
    expect(first.InstanceProfiles![0]!.Roles!.map((r) => r.RoleName)).toEqual([role]);
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(
      new ListInstanceProfilesForRoleCommand({ RoleName: role, Marker: first.Marker }),
    );
    expect(second.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(names.slice(2));
    expect(second.IsTruncated).toBe(false);
  });

  it('a role in no profile has an empty list', async () => {
    const role = await createRole();
    expect(await env.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: role }))).toMatchObject({
      InstanceProfiles: [],
      IsTruncated: false,
    });
  });

  it('a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'nonexistent-role' })),
      noSuchRole('nonexistent-role'),
    );
  });
});

describe('TagInstanceProfile, UntagInstanceProfile, ListInstanceProfileTags', () => {
  it('tags, lists in pages, and untags (recorded: test_instance_profile_tag_lifecycle)', async () => {
    const name = unique('tagged');
    await createProfile(name);
    expect(
      await env.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: name })),
    ).toMatchObject({
      Tags: [],
      IsTruncated: false,
    });
    await env.iam.send(
      new TagInstanceProfileCommand({
        InstanceProfileName: name,
        Tags: [
          { Key: 'MyKey', Value: 'myValue' },
          { Key: 'MyKey2', Value: 'myValue2' },
        ],
      }),
    );
    const first = await env.iam.send(
      new ListInstanceProfileTagsCommand({ InstanceProfileName: name, MaxItems: 1 }),
    );
    expect(first).toMatchObject({ Tags: [{ Key: 'MyKey', Value: 'myValue' }], IsTruncated: true });
    const second = await env.iam.send(
      new ListInstanceProfileTagsCommand({ InstanceProfileName: name, Marker: first.Marker }),
    );
    expect(second).toMatchObject({ Tags: [{ Key: 'MyKey2', Value: 'myValue2' }], IsTruncated: false });
    const got = await env.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
    expect(got.InstanceProfile!.Tags).toHaveLength(2);

    await env.iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: name, TagKeys: ['MyKey'] }));
    expect(
      (await env.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: name }))).Tags,
    ).toEqual([{ Key: 'MyKey2', Value: 'myValue2' }]);
  });

  it('a missing profile is NoSuchEntity (404) for each of them, as recorded', async () => {
    const missing = noSuchProfile('nonexistent-profile');
    await expectError(
      () =>
        env.iam.send(
          new TagInstanceProfileCommand({
            InstanceProfileName: 'nonexistent-profile',
            Tags: [{ Key: 'k', Value: 'v' }],
          }),
        ),
      missing,
    );
    await expectError(
      () =>
        env.iam.send(
          new UntagInstanceProfileCommand({ InstanceProfileName: 'nonexistent-profile', TagKeys: ['k'] }),
        ),
      missing,
    );
    await expectError(
      () => env.iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'nonexistent-profile' })),
      missing,
    );
  });
});
