import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../operation/context.js';
import { catalogOf, testContext } from '../operation/test-support/context.js';
import { POLICY_OPERATIONS as ops } from './policies/index.js';
import { loadPrincipalPolicies } from './principal-policies.js';
import { createRole } from './roles/create-role.js';
import { tagRole } from './roles/role-tags.js';
import { EC2_TRUST, allow, awsPolicy, insertGroup, insertUser } from './test-support/access-fixtures.js';

const READ_ONLY = awsPolicy('ReadOnlyAccess', [allow('s3:Get*'), allow('s3:List*')]);

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext({ managedPolicies: catalogOf([READ_ONLY]) });
});
afterEach(() => ctx.close());

describe('loadPrincipalPolicies', () => {
  it("gathers a user's inline and attached policies, then each group's, with default versions", async () => {
    const userId = await insertUser(ctx, 'alice');
    await insertGroup(ctx, 'devs', [userId]);
    await ops.PutUserPolicy!(ctx, { UserName: 'alice', PolicyName: 'own', PolicyDocument: allow('ec2:*') });
    const arn = (await ops.CreatePolicy!(ctx, { PolicyName: 'managed', PolicyDocument: allow('sqs:*') }))
      .Policy!.Arn!;
    await ops.CreatePolicyVersion!(ctx, {
      PolicyArn: arn,
      PolicyDocument: allow('sns:*'),
      SetAsDefault: true,
    });
    await ops.AttachUserPolicy!(ctx, { UserName: 'alice', PolicyArn: arn });
    await ops.PutGroupPolicy!(ctx, { GroupName: 'devs', PolicyName: 'team', PolicyDocument: allow('s3:*') });
    await ops.AttachGroupPolicy!(ctx, { GroupName: 'devs', PolicyArn: READ_ONLY.arn });

    const loaded = await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
      type: 'user',
      id: userId,
    });
    expect(loaded.identity.map((p) => [p.name, p.label, p.source, p.from.name, p.document])).toEqual([
      ['own', 'user/alice/inline/own', 'inline', 'alice', allow('ec2:*')],
      ['managed', arn, 'managed', 'alice', allow('sns:*')],
      ['team', 'group/devs/inline/team', 'inline', 'devs', allow('s3:*')],
      ['ReadOnlyAccess', READ_ONLY.arn, 'managed', 'devs', allow('s3:List*')],
    ]);
    expect(loaded.boundary).toBeUndefined();
  });

  it("returns a role's boundary and tags", async () => {
    const boundary = (await ops.CreatePolicy!(ctx, { PolicyName: 'b', PolicyDocument: allow('s3:*') }))
      .Policy!.Arn!;
    const { Role } = await createRole(ctx, {
      RoleName: 'app',
      AssumeRolePolicyDocument: EC2_TRUST,
      PermissionsBoundary: boundary,
    });
    await tagRole(ctx, { RoleName: 'app', Tags: [{ Key: 'team', Value: 'blue' }] });
    const loaded = await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
      type: 'role',
      id: Role.RoleId,
    });
    expect(loaded.identity).toEqual([]);
    expect(loaded.boundary).toMatchObject({ name: 'b', arn: boundary, document: allow('s3:*') });
    expect(loaded.tags).toEqual({ team: 'blue' });
  });

  it('gives a principal that no longer exists no policies', async () => {
    expect(
      await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
        type: 'role',
        id: 'AROAGONE',
      }),
    ).toEqual({
      identity: [],
      tags: {},
    });
  });
});
