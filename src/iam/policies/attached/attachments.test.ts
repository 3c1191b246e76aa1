import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../../operation/context.js';
import { catalogOf, testContext } from '../../../operation/test-support/context.js';
import { createRole } from '../../roles/create-role.js';
import { createServiceLinkedRole } from '../../roles/service-linked/create-service-linked-role.js';
import {
  EC2_TRUST,
  allow,
  awsPolicy,
  expectAwsError,
  insertGroup,
  insertUser,
  recordAuthorizations,
} from '../../test-support/access-fixtures.js';
import { POLICY_OPERATIONS as ops } from '../index.js';

const LAMBDA = awsPolicy('AWSLambdaBasicExecutionRole', [allow('logs:*')], '/service-role/');

let ctx: OperationContext & { close(): Promise<void> };
let changes = 0;
beforeEach(async () => {
  ctx = await testContext({ managedPolicies: catalogOf([LAMBDA]) });
  changes = 0;
  ctx = { ...ctx, policiesChanged: () => void changes++ };
});
afterEach(() => ctx.close());

const policy = async (PolicyName: string, Path?: string) =>
  (await ops.CreatePolicy!(ctx, { PolicyName, PolicyDocument: allow('s3:*'), Path })).Policy!.Arn!;

describe('attaching managed policies', () => {
  it('attaches customer and AWS managed policies to a role and lists them by name', async () => {
    await createRole(ctx, { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST });
    const mine = await policy('mine', '/team/');
    await ops.AttachRolePolicy!(ctx, { RoleName: 'app', PolicyArn: mine });
    await ops.AttachRolePolicy!(ctx, { RoleName: 'app', PolicyArn: LAMBDA.arn });
    await ops.AttachRolePolicy!(ctx, { RoleName: 'app', PolicyArn: LAMBDA.arn });
    expect(changes).toBe(3);
    const listed = await ops.ListAttachedRolePolicies!(ctx, { RoleName: 'app' });
    expect(listed).toEqual({
      AttachedPolicies: [
        { PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: LAMBDA.arn },
        { PolicyName: 'mine', PolicyArn: mine },
      ],
      IsTruncated: false,
    });
    const team = await ops.ListAttachedRolePolicies!(ctx, { RoleName: 'app', PathPrefix: '/team/' });
    expect(team.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['mine']);
    expect((await ops.GetPolicy!(ctx, { PolicyArn: mine })).Policy?.AttachmentCount).toBe(1);
  });

  it('reports malformed and unknown ARNs as AWS does', async () => {
    await insertUser(ctx, 'alice');
    await expectAwsError(
      ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: 'longpolicynamebutnoarn' }),
      'ValidationError',
      'ARN longpolicynamebutnoarn is not valid.',
    );
    const unknown = 'arn:aws:iam::123456789012:policy/nonexistent-policy';
    await expectAwsError(
      ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: unknown }),
      'NoSuchEntity',
      `Policy ${unknown} does not exist or is not attachable.`,
    );
    const unknownAws = 'arn:aws:iam::aws:policy/Nonexistent';
    await expectAwsError(
      ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: unknownAws }),
      'NoSuchEntity',
    );
    await expectAwsError(
      ops.DetachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: unknownAws }),
      'NoSuchEntity',
      `Policy ${unknownAws} was not found.`,
    );
    await expectAwsError(
      ops.AttachUserPolicy!(ctx, { UserName: 'bob', PolicyArn: LAMBDA.arn }),
      'NoSuchEntity',
      'The user with name bob cannot be found.',
    );
  });

  it('allows at most ten managed policies per identity', async () => {
    await insertGroup(ctx, 'devs');
    for (let i = 0; i < 10; i++)
      await ops.AttachGroupPolicy!(ctx, { GroupName: 'devs', PolicyArn: await policy(`p${i}`) });
    await expectAwsError(
      ops.AttachGroupPolicy!(ctx, { GroupName: 'devs', PolicyArn: await policy('p10') }),
      'LimitExceeded',
      'Cannot exceed quota for PolicyAttachmentsPerGroup: 10',
    );
  });

  it('authorizes with iam:PolicyARN and the identity boundary', async () => {
    const boundary = await policy('boundary');
    await createRole(ctx, {
      RoleName: 'app',
      AssumeRolePolicyDocument: EC2_TRUST,
      PermissionsBoundary: boundary,
    });
    const recorder = recordAuthorizations();
    await ops.AttachRolePolicy!(
      { ...ctx, authorize: recorder.authorize },
      { RoleName: 'app', PolicyArn: LAMBDA.arn },
    );
    expect(recorder.calls).toEqual([
      {
        action: 'iam:AttachRolePolicy',
        resource: 'arn:aws:iam::123456789012:role/app',
        context: { 'iam:PolicyARN': LAMBDA.arn, 'iam:PermissionsBoundary': boundary },
      },
    ]);
  });

  it('leaves service-linked roles to AWS', async () => {
    const { Role } = await createServiceLinkedRole(ctx, { AWSServiceName: 'batch.amazonaws.com' });
    await expectAwsError(
      ops.AttachRolePolicy!(ctx, { RoleName: Role!.RoleName, PolicyArn: LAMBDA.arn }),
      'UnmodifiableEntity',
      `Cannot perform the operation on the protected role '${Role!.RoleName}' - this role is only modifiable by AWS`,
    );
  });
});

describe('ListEntitiesForPolicy', () => {
  it('lists attached users, groups and roles, filtered by kind and usage', async () => {
    const arn = await policy('shared');
    const empty = await ops.ListEntitiesForPolicy!(ctx, { PolicyArn: arn });
    expect(empty).toEqual({ PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], IsTruncated: false });
    const userId = await insertUser(ctx, 'alice');
    const groupId = await insertGroup(ctx, 'devs');
    const { Role } = await createRole(ctx, {
      RoleName: 'app',
      AssumeRolePolicyDocument: EC2_TRUST,
      PermissionsBoundary: arn,
    });
    await ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: arn });
    await ops.AttachGroupPolicy!(ctx, { GroupName: 'devs', PolicyArn: arn });
    const all = await ops.ListEntitiesForPolicy!(ctx, { PolicyArn: arn });
    expect(all).toEqual({
      PolicyGroups: [{ GroupName: 'devs', GroupId: groupId }],
      PolicyUsers: [{ UserName: 'alice', UserId: userId }],
      PolicyRoles: [{ RoleName: 'app', RoleId: Role.RoleId }],
      IsTruncated: false,
    });
    const attachedOnly = await ops.ListEntitiesForPolicy!(ctx, {
      PolicyArn: arn,
      PolicyUsageFilter: 'PermissionsPolicy',
    });
    expect(attachedOnly.PolicyRoles).toEqual([]);
    const users = await ops.ListEntitiesForPolicy!(ctx, { PolicyArn: arn, EntityFilter: 'User' });
    expect([users.PolicyGroups, users.PolicyRoles]).toEqual([[], []]);
    const local = await ops.ListEntitiesForPolicy!(ctx, {
      PolicyArn: arn,
      EntityFilter: 'LocalManagedPolicy',
    });
    expect([local.PolicyGroups, local.PolicyUsers, local.PolicyRoles]).toEqual([[], [], []]);
  });

  it('reports an unknown policy', async () => {
    const arn = 'arn:aws:iam::123456789012:policy/NonExistentPolicy';
    await expectAwsError(
      ops.ListEntitiesForPolicy!(ctx, { PolicyArn: arn }),
      'NoSuchEntity',
      `Policy ${arn} does not exist or is not attachable.`,
    );
  });
});
