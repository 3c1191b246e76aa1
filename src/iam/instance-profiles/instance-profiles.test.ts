import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../operation/context.js';
import { testContext } from '../../operation/test-support/context.js';
import { createRole } from '../roles/create-role.js';
import { EC2_TRUST, expectAwsError, recordAuthorizations } from '../test-support/access-fixtures.js';
import { INSTANCE_PROFILE_OPERATIONS as ops } from './index.js';

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext();
});
afterEach(() => ctx.close());

const profile = (InstanceProfileName: string, extra: object = {}) =>
  ops.CreateInstanceProfile!(ctx, { InstanceProfileName, ...extra });

describe('instance profiles', () => {
  it('creates without tags in the response, and gets with tags always', async () => {
    const { InstanceProfile } = await profile('ip', { Path: '/p/' });
    expect(InstanceProfile).toEqual({
      Path: '/p/',
      InstanceProfileName: 'ip',
      InstanceProfileId: expect.stringMatching(/^AIPA[A-Z2-7]{17}$/),
      Arn: 'arn:aws:iam::123456789012:instance-profile/p/ip',
      CreateDate: ctx.now,
      Roles: [],
    });
    expect((await ops.GetInstanceProfile!(ctx, { InstanceProfileName: 'ip' })).InstanceProfile.Tags).toEqual(
      [],
    );
    await expectAwsError(profile('IP'), 'EntityAlreadyExists', 'Instance Profile IP already exists.');
    await expectAwsError(
      ops.GetInstanceProfile!(ctx, { InstanceProfileName: 'nonexistent-profile' }),
      'NoSuchEntity',
      'Instance Profile nonexistent-profile cannot be found.',
    );
  });

  it('holds one role, embeds it, and must be emptied before deletion', async () => {
    await profile('ip');
    const { Role } = await createRole(ctx, { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST });
    await createRole(ctx, { RoleName: 'other', AssumeRolePolicyDocument: EC2_TRUST });
    await ops.AddRoleToInstanceProfile!(ctx, { InstanceProfileName: 'ip', RoleName: 'app' });
    await expectAwsError(
      ops.AddRoleToInstanceProfile!(ctx, { InstanceProfileName: 'ip', RoleName: 'other' }),
      'LimitExceeded',
      'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    );
    const got = await ops.GetInstanceProfile!(ctx, { InstanceProfileName: 'ip' });
    expect(got.InstanceProfile.Roles).toEqual([Role]);
    const forRole = await ops.ListInstanceProfilesForRole!(ctx, { RoleName: 'app' });
    expect(forRole.InstanceProfiles.map((p) => p.InstanceProfileName)).toEqual(['ip']);
    await expectAwsError(
      ops.DeleteInstanceProfile!(ctx, { InstanceProfileName: 'ip' }),
      'DeleteConflict',
      'Cannot delete entity, must remove roles from instance profile first.',
    );
    await expectAwsError(
      ops.RemoveRoleFromInstanceProfile!(ctx, { InstanceProfileName: 'ip', RoleName: 'other' }),
      'NoSuchEntity',
      'Role other in Instance Profile ip cannot be found.',
    );
    await ops.RemoveRoleFromInstanceProfile!(ctx, { InstanceProfileName: 'ip', RoleName: 'app' });
    await ops.DeleteInstanceProfile!(ctx, { InstanceProfileName: 'ip' });
    expect((await ops.ListInstanceProfiles!(ctx, {})).InstanceProfiles).toEqual([]);
  });

  it('requires iam:PassRole on the role it adds', async () => {
    await profile('ip');
    await createRole(ctx, { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST });
    const recorder = recordAuthorizations();
    await ops.AddRoleToInstanceProfile!(
      { ...ctx, authorize: recorder.authorize },
      { InstanceProfileName: 'ip', RoleName: 'app' },
    );
    expect(recorder.calls.map((c) => [c.action, c.resource, c.context])).toEqual([
      ['iam:AddRoleToInstanceProfile', 'arn:aws:iam::123456789012:instance-profile/ip', {}],
      ['iam:PassRole', 'arn:aws:iam::123456789012:role/app', { 'iam:PassedToService': 'ec2.amazonaws.com' }],
    ]);
  });

  it('lists by path prefix and manages tags', async () => {
    await profile('a', { Path: '/x/', Tags: [{ Key: 'InitialKey', Value: 'InitialValue' }] });
    await profile('b');
    expect(
      (await ops.ListInstanceProfiles!(ctx, { PathPrefix: '/x/' })).InstanceProfiles.map(
        (p) => p.InstanceProfileName,
      ),
    ).toEqual(['a']);
    await ops.TagInstanceProfile!(ctx, {
      InstanceProfileName: 'a',
      Tags: [{ Key: 'MyKey', Value: 'myValue' }],
    });
    await ops.UntagInstanceProfile!(ctx, { InstanceProfileName: 'a', TagKeys: ['initialkey'] });
    expect((await ops.ListInstanceProfileTags!(ctx, { InstanceProfileName: 'a' })).Tags).toEqual([
      { Key: 'MyKey', Value: 'myValue' },
    ]);
    await expectAwsError(
      ops.TagInstanceProfile!(ctx, {
        InstanceProfileName: 'nonexistent-profile',
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
      'NoSuchEntity',
      'Instance Profile nonexistent-profile cannot be found.',
    );
  });
});
