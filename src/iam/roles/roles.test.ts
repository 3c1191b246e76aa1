import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../operation/context.js';
import { testContext } from '../../operation/test-support/context.js';
import { createPolicy } from '../policies/managed/create-policy.js';
import { POLICY_OPERATIONS } from '../policies/index.js';
import { EC2_TRUST, allow, expectAwsError, recordAuthorizations } from '../test-support/access-fixtures.js';
import { createInstanceProfile } from '../instance-profiles/instance-profiles.js';
import { addRoleToInstanceProfile } from '../instance-profiles/profile-roles.js';
import { createRole } from './create-role.js';
import { deleteRole } from './delete-role.js';
import { getRole } from './get-role.js';
import { listRoles } from './list-roles.js';
import { deleteRolePermissionsBoundary, putRolePermissionsBoundary } from './role-boundary.js';
import { listRoleTags, tagRole, untagRole } from './role-tags.js';
import { updateAssumeRolePolicy } from './update-assume-role-policy.js';
import { updateRole, updateRoleDescription } from './update-role.js';

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext({ now: new Date('2026-02-11T10:00:00Z') });
});
afterEach(() => ctx.close());

const role = (RoleName: string, extra: object = {}) =>
  createRole(ctx, { RoleName, AssumeRolePolicyDocument: EC2_TRUST, ...extra });

describe('CreateRole', () => {
  it('returns the fields AWS returns on create: no description, session duration or last use', async () => {
    const { Role } = await role('app', { Description: 'not echoed' });
    expect(Role).toEqual({
      Path: '/',
      RoleName: 'app',
      RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/),
      Arn: 'arn:aws:iam::123456789012:role/app',
      CreateDate: new Date('2026-02-11T10:00:00Z'),
      AssumeRolePolicyDocument: EC2_TRUST,
    });
  });

  it('rejects a name that is taken, whatever its case', async () => {
    await role('App');
    await expectAwsError(role('app'), 'EntityAlreadyExists', 'Role with name app already exists.');
  });

  it.each([
    ['{not json', 'This policy contains invalid Json'],
    [
      allow('s3:GetObject').replace('"Effect"', '"Principal":{"AWS":"*"},"Effect"'),
      'Has prohibited field Resource',
    ],
    [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*' }],
      }),
      'AssumeRole policy may only specify STS AssumeRole actions.',
    ],
  ])('rejects a malformed trust policy with AWS message %#', async (doc, message) => {
    await expectAwsError(
      createRole(ctx, { RoleName: 'bad', AssumeRolePolicyDocument: doc }),
      'MalformedPolicyDocument',
      message,
    );
  });

  it('keeps MaxSessionDuration between an hour and twelve', async () => {
    await expectAwsError(
      role('short', { MaxSessionDuration: 3599 }),
      'ValidationError',
      "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
    await expectAwsError(
      role('long', { MaxSessionDuration: 43201 }),
      'ValidationError',
      /less than or equal to 43200/,
    );
  });

  it('checks the name pattern and length', async () => {
    await expectAwsError(role('a b'), 'ValidationError', /Value at 'roleName'.*\[\\w\+=,\.@-\]\+/);
    await expectAwsError(role('x'.repeat(65)), 'ValidationError', /length less than or equal to 64/);
  });

  it('authorizes on the new role ARN with request tags and the boundary', async () => {
    const recorder = recordAuthorizations();
    const c = { ...ctx, authorize: recorder.authorize };
    const policy = await createPolicy(c, { PolicyName: 'b', PolicyDocument: allow('s3:*') });
    await createRole(c, {
      RoleName: 'tagged',
      Path: '/team/',
      AssumeRolePolicyDocument: EC2_TRUST,
      Tags: [{ Key: 'env', Value: 'dev' }],
      PermissionsBoundary: policy.Policy!.Arn,
    });
    expect(recorder.calls.at(-1)).toEqual({
      action: 'iam:CreateRole',
      resource: 'arn:aws:iam::123456789012:role/team/tagged',
      context: {
        'aws:TagKeys': ['env'],
        'aws:RequestTag/env': 'dev',
        'iam:PermissionsBoundary': policy.Policy!.Arn,
      },
    });
  });
});

describe('GetRole, UpdateRole, UpdateRoleDescription', () => {
  it('returns every field, with an empty RoleLastUsed and defaults', async () => {
    await role('app', { Description: 'd' });
    const { Role } = await getRole(ctx, { RoleName: 'APP' });
    expect(Role).toMatchObject({
      RoleName: 'app',
      Description: 'd',
      MaxSessionDuration: 3600,
      RoleLastUsed: {},
    });
    expect(Role.Tags).toBeUndefined();
  });

  it('reports a missing role with AWS message', async () => {
    await expectAwsError(
      getRole(ctx, { RoleName: 'nope' }),
      'NoSuchEntity',
      'The role with name nope cannot be found.',
    );
  });

  it('updates only the members given', async () => {
    await role('app', { Description: 'first' });
    await updateRole(ctx, { RoleName: 'app', MaxSessionDuration: 7200 });
    await updateRole(ctx, { RoleName: 'app' });
    const { Role } = await getRole(ctx, { RoleName: 'app' });
    expect(Role).toMatchObject({ Description: 'first', MaxSessionDuration: 7200 });
    const updated = await updateRoleDescription(ctx, { RoleName: 'app', Description: 'second' });
    expect(updated.Role).toMatchObject({ Description: 'second' });
    expect(updated.Role?.MaxSessionDuration).toBeUndefined();
  });

  it('replaces the trust policy, validated as a trust policy', async () => {
    await role('app');
    const lambda = EC2_TRUST.replace('ec2', 'lambda');
    await updateAssumeRolePolicy(ctx, { RoleName: 'app', PolicyDocument: lambda });
    expect((await getRole(ctx, { RoleName: 'app' })).Role.AssumeRolePolicyDocument).toBe(lambda);
    await expectAwsError(
      updateAssumeRolePolicy(ctx, { RoleName: 'app', PolicyDocument: '{' }),
      'MalformedPolicyDocument',
      'This policy contains invalid Json',
    );
  });
});

describe('DeleteRole', () => {
  it('refuses while the role is in an instance profile', async () => {
    await role('app');
    await createInstanceProfile(ctx, { InstanceProfileName: 'ip' });
    await addRoleToInstanceProfile(ctx, { InstanceProfileName: 'ip', RoleName: 'app' });
    await expectAwsError(
      deleteRole(ctx, { RoleName: 'app' }),
      'DeleteConflict',
      'Cannot delete entity, must remove roles from instance profile first.',
    );
  });

  it('refuses while the role has inline or attached policies', async () => {
    await role('app');
    await POLICY_OPERATIONS.PutRolePolicy!(ctx, {
      RoleName: 'app',
      PolicyName: 'p',
      PolicyDocument: allow('s3:*'),
    });
    await expectAwsError(
      deleteRole(ctx, { RoleName: 'app' }),
      'DeleteConflict',
      'Cannot delete entity, must delete policies first.',
    );
    await POLICY_OPERATIONS.DeleteRolePolicy!(ctx, { RoleName: 'app', PolicyName: 'p' });
    const { Policy } = await createPolicy(ctx, { PolicyName: 'm', PolicyDocument: allow('s3:*') });
    await POLICY_OPERATIONS.AttachRolePolicy!(ctx, { RoleName: 'app', PolicyArn: Policy!.Arn! });
    await expectAwsError(
      deleteRole(ctx, { RoleName: 'app' }),
      'DeleteConflict',
      'Cannot delete entity, must detach all policies first.',
    );
  });

  it('deletes the role and its tags', async () => {
    await role('app', { Tags: [{ Key: 'k', Value: 'v' }] });
    await deleteRole(ctx, { RoleName: 'app' });
    await expectAwsError(getRole(ctx, { RoleName: 'app' }), 'NoSuchEntity');
    expect(await ctx.store.db.selectFrom('tags').selectAll().execute()).toEqual([]);
  });
});

describe('ListRoles', () => {
  it('filters by path prefix and paginates with Marker', async () => {
    for (const name of ['r1', 'r2', 'r3']) await role(name, { Path: '/p/' });
    await role('other');
    const first = await listRoles(ctx, { PathPrefix: '/p/', MaxItems: 2 });
    expect(first.Roles.map((r) => r.RoleName)).toEqual(['r1', 'r2']);
    expect(first.IsTruncated).toBe(true);
    const rest = await listRoles(ctx, { PathPrefix: '/p/', Marker: first.Marker });
    expect(rest.Roles.map((r) => r.RoleName)).toEqual(['r3']);
    expect(rest).toMatchObject({ IsTruncated: false });
    expect(rest.Marker).toBeUndefined();
    expect((await listRoles(ctx, { PathPrefix: '/none/' })).Roles).toEqual([]);
  });

  it('lists description and session duration but no tags or boundary', async () => {
    await role('app', { Description: 'd', Tags: [{ Key: 'k', Value: 'v' }] });
    const [listed] = (await listRoles(ctx, {})).Roles;
    expect(listed).toMatchObject({ Description: 'd', MaxSessionDuration: 3600 });
    expect(listed?.Tags).toBeUndefined();
    expect(listed?.RoleLastUsed).toBeUndefined();
  });
});

describe('role tags', () => {
  it('overwrites a key that differs only in case and removes keys', async () => {
    await role('app', { Tags: [{ Key: 'somekey', Value: 'v' }] });
    await tagRole(ctx, {
      RoleName: 'app',
      Tags: [
        { Key: 'Somekey', Value: 'updated' },
        { Key: 'other', Value: '' },
      ],
    });
    expect((await listRoleTags(ctx, { RoleName: 'app' })).Tags).toEqual([
      { Key: 'other', Value: '' },
      { Key: 'Somekey', Value: 'updated' },
    ]);
    await untagRole(ctx, { RoleName: 'app', TagKeys: ['SOMEKEY', 'missing'] });
    expect((await listRoleTags(ctx, { RoleName: 'app' })).Tags).toEqual([{ Key: 'other', Value: '' }]);
  });

  it('validates tags as AWS does', async () => {
    await role('app');
    await expectAwsError(
      tagRole(ctx, {
        RoleName: 'app',
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'A', Value: '2' },
        ],
      }),
      'InvalidInput',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    );
    await expectAwsError(
      tagRole(ctx, { RoleName: 'app', Tags: [{ Key: 'bad!', Value: '1' }] }),
      'ValidationError',
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    await expectAwsError(
      tagRole(ctx, { RoleName: 'app', Tags: many }),
      'ValidationError',
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    await expectAwsError(
      untagRole(ctx, { RoleName: 'app', TagKeys: ['x'.repeat(129)] }),
      'ValidationError',
      /Value at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: \[Member must have length less than or equal to 128/,
    );
    await expectAwsError(
      tagRole(ctx, { RoleName: 'ghost', Tags: [{ Key: 'a', Value: '' }] }),
      'NoSuchEntity',
      'The role with name ghost cannot be found.',
    );
  });
});

describe('permissions boundaries', () => {
  it('sets, shows and removes a boundary', async () => {
    const { Policy } = await createPolicy(ctx, { PolicyName: 'b', PolicyDocument: allow('s3:*') });
    const arn = Policy!.Arn!;
    const created = await role('app', { PermissionsBoundary: arn });
    expect(created.Role.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: arn,
    });
    await deleteRolePermissionsBoundary(ctx, { RoleName: 'app' });
    expect((await getRole(ctx, { RoleName: 'app' })).Role.PermissionsBoundary).toBeUndefined();
    await putRolePermissionsBoundary(ctx, { RoleName: 'app', PermissionsBoundary: arn });
    expect((await getRole(ctx, { RoleName: 'app' })).Role.PermissionsBoundary?.PermissionsBoundaryArn).toBe(
      arn,
    );
  });

  it('rejects ARNs that are not policies and policies that do not exist', async () => {
    await role('app');
    const notPolicy = 'arn:aws:iam::123456789012:not_a_policy/invalid';
    await expectAwsError(
      putRolePermissionsBoundary(ctx, { RoleName: 'app', PermissionsBoundary: notPolicy }),
      'InvalidInput',
      `ARN ${notPolicy} is not valid.`,
    );
    const missing = 'arn:aws:iam::123456789012:policy/nonexistent-policy';
    await expectAwsError(
      role('other', { PermissionsBoundary: missing }),
      'NoSuchEntity',
      `Scope ARN: ${missing} does not exist or is not attachable.`,
    );
  });
});
