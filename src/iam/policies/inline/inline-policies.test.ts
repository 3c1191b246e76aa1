import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../../operation/context.js';
import { testContext } from '../../../operation/test-support/context.js';
import { createRole } from '../../roles/create-role.js';
import {
  EC2_TRUST,
  allow,
  expectAwsError,
  insertGroup,
  insertUser,
} from '../../test-support/access-fixtures.js';
import { POLICY_OPERATIONS as ops } from '../index.js';

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext();
});
afterEach(() => ctx.close());

describe('inline policies', () => {
  it('puts, gets, lists in name order and deletes a role policy', async () => {
    await createRole(ctx, { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST });
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['apigateway:PUT'],
          Resource: ['arn:aws:apigateway:us-east-1::/tags/arn%3Aaws'],
        },
      ],
    });
    await ops.PutRolePolicy!(ctx, { RoleName: 'app', PolicyName: 'p2', PolicyDocument: doc });
    await ops.PutRolePolicy!(ctx, { RoleName: 'app', PolicyName: 'p1', PolicyDocument: allow('s3:*') });
    const got = await ops.GetRolePolicy!(ctx, { RoleName: 'APP', PolicyName: 'p2' });
    expect(got).toEqual({ RoleName: 'app', PolicyName: 'p2', PolicyDocument: expect.any(String) });
    // The operation returns the document as stored; the protocol codec URL-encodes it on the wire.
    expect(got.PolicyDocument).toBe(doc);
    expect(await ops.ListRolePolicies!(ctx, { RoleName: 'app' })).toEqual({
      PolicyNames: ['p1', 'p2'],
      IsTruncated: false,
    });
    await ops.DeleteRolePolicy!(ctx, { RoleName: 'app', PolicyName: 'p1' });
    await expectAwsError(
      ops.GetRolePolicy!(ctx, { RoleName: 'app', PolicyName: 'p1' }),
      'NoSuchEntity',
      'The role policy with name p1 cannot be found.',
    );
    await expectAwsError(
      ops.DeleteRolePolicy!(ctx, { RoleName: 'app', PolicyName: 'p1' }),
      'NoSuchEntity',
      'The role policy with name p1 cannot be found.',
    );
  });

  it('works for users and groups with their own member names and messages', async () => {
    await insertUser(ctx, 'alice');
    await insertGroup(ctx, 'devs');
    await ops.PutUserPolicy!(ctx, { UserName: 'alice', PolicyName: 'p', PolicyDocument: allow('s3:*') });
    await ops.PutGroupPolicy!(ctx, { GroupName: 'devs', PolicyName: 'p', PolicyDocument: allow('s3:*') });
    expect(await ops.GetUserPolicy!(ctx, { UserName: 'alice', PolicyName: 'p' })).toMatchObject({
      UserName: 'alice',
    });
    expect(await ops.GetGroupPolicy!(ctx, { GroupName: 'devs', PolicyName: 'p' })).toMatchObject({
      GroupName: 'devs',
    });
    await expectAwsError(
      ops.GetGroupPolicy!(ctx, { GroupName: 'devs', PolicyName: 'q' }),
      'NoSuchEntity',
      'The group policy with name q cannot be found.',
    );
    await expectAwsError(
      ops.PutRolePolicy!(ctx, {
        RoleName: 'nonexistent-role',
        PolicyName: 'p',
        PolicyDocument: allow('s3:*'),
      }),
      'NoSuchEntity',
      'The role with name nonexistent-role cannot be found.',
    );
  });

  it('validates documents as identity policies', async () => {
    await insertUser(ctx, 'alice');
    await expectAwsError(
      ops.PutUserPolicy!(ctx, {
        UserName: 'alice',
        PolicyName: 'p',
        PolicyDocument: '{"Version":"2012-10-17"',
      }),
      'MalformedPolicyDocument',
      'This policy contains invalid Json',
    );
  });

  it("limits the total size of a user's inline policies to 2048 characters", async () => {
    await insertUser(ctx, 'alice');
    const big = (n: number) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: `s3:${'A'.repeat(n)}`, Resource: '*' }],
      });
    await ops.PutUserPolicy!(ctx, { UserName: 'alice', PolicyName: 'a', PolicyDocument: big(900) });
    await ops.PutUserPolicy!(ctx, { UserName: 'alice', PolicyName: 'a', PolicyDocument: big(950) });
    await expectAwsError(
      ops.PutUserPolicy!(ctx, { UserName: 'alice', PolicyName: 'b', PolicyDocument: big(1000) }),
      'LimitExceeded',
      'Maximum policy size of 2048 bytes exceeded for user alice',
    );
  });
});
