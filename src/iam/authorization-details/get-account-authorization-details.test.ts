import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../operation/context.js';
import { catalogOf, testContext } from '../../operation/test-support/context.js';
import { INSTANCE_PROFILE_OPERATIONS } from '../instance-profiles/index.js';
import { POLICY_OPERATIONS as ops } from '../policies/index.js';
import { createRole } from '../roles/create-role.js';
import { EC2_TRUST, allow, awsPolicy, insertGroup, insertUser } from '../test-support/access-fixtures.js';
import { getAccountAuthorizationDetails } from './get-account-authorization-details.js';

const S3_FULL = awsPolicy('AmazonS3FullAccess', [allow('s3:*'), allow('s3:*', 'arn:aws:s3:::*')]);
const UNUSED = awsPolicy('Unused', [allow('ec2:*')]);

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext({ managedPolicies: catalogOf([S3_FULL, UNUSED]) });
});
afterEach(() => ctx.close());

describe('GetAccountAuthorizationDetails', () => {
  it('reports every identity with its policies, in the shapes AWS recorded', async () => {
    const userId = await insertUser(ctx, 'alice');
    const groupId = await insertGroup(ctx, 'devs', [userId]);
    const arn = (await ops.CreatePolicy!(ctx, { PolicyName: 'mine', PolicyDocument: allow('s3:ListBucket') }))
      .Policy!.Arn!;
    await ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: arn });
    const { Role } = await createRole(ctx, {
      RoleName: 'app',
      Path: '/my-path/',
      AssumeRolePolicyDocument: EC2_TRUST,
    });
    await ops.PutRolePolicy!(ctx, { RoleName: 'app', PolicyName: 'inline', PolicyDocument: allow('s3:*') });
    await ops.AttachRolePolicy!(ctx, { RoleName: 'app', PolicyArn: S3_FULL.arn });
    await INSTANCE_PROFILE_OPERATIONS.CreateInstanceProfile!(ctx, { InstanceProfileName: 'ip' });
    await INSTANCE_PROFILE_OPERATIONS.AddRoleToInstanceProfile!(ctx, {
      InstanceProfileName: 'ip',
      RoleName: 'app',
    });

    const details = await getAccountAuthorizationDetails(ctx, {});
    expect(details.UserDetailList).toEqual([
      {
        Path: '/',
        UserName: 'alice',
        UserId: userId,
        Arn: 'arn:aws:iam::123456789012:user/alice',
        CreateDate: ctx.now,
        GroupList: ['devs'],
        AttachedManagedPolicies: [{ PolicyName: 'mine', PolicyArn: arn }],
        Tags: [],
      },
    ]);
    expect(details.GroupDetailList).toEqual([
      {
        Path: '/',
        GroupName: 'devs',
        GroupId: groupId,
        Arn: 'arn:aws:iam::123456789012:group/devs',
        CreateDate: ctx.now,
        GroupPolicyList: [],
        AttachedManagedPolicies: [],
      },
    ]);
    expect(details.RoleDetailList).toEqual([
      {
        ...Role,
        InstanceProfileList: [expect.objectContaining({ InstanceProfileName: 'ip', Roles: [Role] })],
        RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: allow('s3:*') }],
        AttachedManagedPolicies: [{ PolicyName: 'AmazonS3FullAccess', PolicyArn: S3_FULL.arn }],
        Tags: [],
        RoleLastUsed: {},
      },
    ]);
    // Every local policy, and only the AWS managed policies in use, each with all its versions.
    expect(
      details.Policies?.map((p) => [
        p.PolicyName,
        p.AttachmentCount,
        p.PolicyVersionList?.map((v) => v.VersionId),
      ]),
    ).toEqual([
      ['mine', 1, ['v1']],
      ['AmazonS3FullAccess', 1, ['v2', 'v1']],
    ]);
    expect(details.IsTruncated).toBe(false);
  });

  it('filters by entity type and paginates across the lists', async () => {
    await insertUser(ctx, 'alice');
    await insertUser(ctx, 'bob');
    await insertGroup(ctx, 'devs');
    const users = await getAccountAuthorizationDetails(ctx, { Filter: ['User'] });
    expect([
      users.UserDetailList?.length,
      users.GroupDetailList,
      users.RoleDetailList,
      users.Policies,
    ]).toEqual([2, [], [], []]);
    const first = await getAccountAuthorizationDetails(ctx, { MaxItems: 2 });
    expect([first.UserDetailList?.length, first.GroupDetailList?.length, first.IsTruncated]).toEqual([
      2,
      0,
      true,
    ]);
    const rest = await getAccountAuthorizationDetails(ctx, { Marker: first.Marker });
    expect([rest.UserDetailList?.length, rest.GroupDetailList?.length, rest.IsTruncated]).toEqual([
      0,
      1,
      false,
    ]);
  });
});
