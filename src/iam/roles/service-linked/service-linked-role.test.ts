import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationContext } from '../../../operation/context.js';
import { catalogOf, testContext } from '../../../operation/test-support/context.js';
import { POLICY_OPERATIONS } from '../../policies/index.js';
import { allow, awsPolicy, expectAwsError } from '../../test-support/access-fixtures.js';
import { deleteRole } from '../delete-role.js';
import { getRole } from '../get-role.js';
import { createServiceLinkedRole } from './create-service-linked-role.js';
import { deleteServiceLinkedRole, getServiceLinkedRoleDeletionStatus } from './delete-service-linked-role.js';

const BATCH_POLICY = awsPolicy('BatchServiceRolePolicy', [allow('ec2:*')], '/aws-service-role/');

let ctx: OperationContext & { close(): Promise<void> };
beforeEach(async () => {
  ctx = await testContext({ managedPolicies: catalogOf([BATCH_POLICY]) });
});
afterEach(() => ctx.close());

describe('service-linked roles', () => {
  it("creates the service's role at its path, trusted by the service, with the service's policy", async () => {
    const { Role } = await createServiceLinkedRole(ctx, { AWSServiceName: 'batch.amazonaws.com' });
    expect(Role).toMatchObject({
      RoleName: 'AWSServiceRoleForBatch',
      Path: '/aws-service-role/batch.amazonaws.com/',
      Arn: 'arn:aws:iam::123456789012:role/aws-service-role/batch.amazonaws.com/AWSServiceRoleForBatch',
    });
    const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)) as unknown;
    expect(trust).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'batch.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    const attached = await POLICY_OPERATIONS.ListAttachedRolePolicies!(ctx, { RoleName: Role!.RoleName });
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'BatchServiceRolePolicy', PolicyArn: BATCH_POLICY.arn },
    ]);
  });

  it('refuses a second role and suffixes the service does not take (recorded messages)', async () => {
    await createServiceLinkedRole(ctx, { AWSServiceName: 'batch.amazonaws.com' });
    await expectAwsError(
      createServiceLinkedRole(ctx, { AWSServiceName: 'batch.amazonaws.com' }),
      'InvalidInput',
      'Service role name AWSServiceRoleForBatch has been taken in this account, please try a different suffix.',
    );
    await expectAwsError(
      createServiceLinkedRole(ctx, { AWSServiceName: 'eks.amazonaws.com', CustomSuffix: 'x' }),
      'InvalidInput',
      'Custom suffix is not allowed for eks.amazonaws.com',
    );
    const suffixed = await createServiceLinkedRole(ctx, {
      AWSServiceName: 'autoscaling.amazonaws.com',
      CustomSuffix: 'x',
    });
    expect(suffixed.Role?.RoleName).toBe('AWSServiceRoleForAutoScaling_x');
  });

  it('is deleted only through DeleteServiceLinkedRole, whose task then succeeds', async () => {
    const { Role } = await createServiceLinkedRole(ctx, { AWSServiceName: 'batch.amazonaws.com' });
    await expectAwsError(deleteRole(ctx, { RoleName: Role!.RoleName }), 'UnmodifiableEntity');
    const { DeletionTaskId } = await deleteServiceLinkedRole(ctx, { RoleName: Role!.RoleName });
    expect(DeletionTaskId).toMatch(
      /^task\/aws-service-role\/batch\.amazonaws\.com\/AWSServiceRoleForBatch\/[0-9a-f-]{36}$/,
    );
    expect(await getServiceLinkedRoleDeletionStatus(ctx, { DeletionTaskId })).toEqual({
      Status: 'SUCCEEDED',
    });
    await expectAwsError(getRole(ctx, { RoleName: Role!.RoleName }), 'NoSuchEntity');
  });
});
