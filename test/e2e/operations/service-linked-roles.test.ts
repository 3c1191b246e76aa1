import {
  CreateServiceLinkedRoleCommand,
  DeleteServiceLinkedRoleCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { expectError, idPattern, serverForFile, unique } from './support.js';

// Service-linked roles (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html and the
// pages it links; recorded in test_iam TestIAMServiceRoles). A service has one role name per account, so each
// test here uses a service of its own.
const env = serverForFile();

const decoded = (document: string | undefined) => JSON.parse(decodeURIComponent(document!)) as unknown;

describe('CreateServiceLinkedRole', () => {
  it('creates the service role under /aws-service-role/SERVICE/, trusted by the service, with its policy', async () => {
    const { Role } = await env.iam.send(
      new CreateServiceLinkedRoleCommand({
        AWSServiceName: 'autoscaling.amazonaws.com',
        Description: 'scaling',
      }),
    );
    expect(Role).toMatchObject({
      RoleName: 'AWSServiceRoleForAutoScaling',
      Path: '/aws-service-role/autoscaling.amazonaws.com/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
      Description: 'scaling',
    });
    expect(Role!.RoleId).toMatch(idPattern('AROA'));
    expect(Role!.CreateDate).toBeInstanceOf(Date);
    expect(decoded(Role!.AssumeRolePolicyDocument)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'autoscaling.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    const attached = await env.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: Role!.RoleName }));
    expect(attached.AttachedPolicies).toEqual([
      {
        PolicyName: 'AutoScalingServiceRolePolicy',
        PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy',
      },
    ]);
  });

  it('a custom suffix is appended where the service allows one', async () => {
    const suffix = unique('sfx');
    const { Role } = await env.iam.send(
      new CreateServiceLinkedRoleCommand({
        AWSServiceName: 'autoscaling.amazonaws.com',
        CustomSuffix: suffix,
      }),
    );
    expect(Role!.RoleName).toBe(`AWSServiceRoleForAutoScaling_${suffix}`);
  });

  it('a custom suffix the service does not allow is InvalidInput (400), as recorded', async () => {
    await expectError(
      () =>
        env.iam.send(
          new CreateServiceLinkedRoleCommand({
            AWSServiceName: 'appmesh.amazonaws.com',
            CustomSuffix: 'mine',
          }),
        ),
      {
        name: 'InvalidInputException',
        status: 400,
        message: 'Custom suffix is not allowed for appmesh.amazonaws.com',
      },
    );
  });

  it('a second role for the same service is InvalidInput (400), as recorded', async () => {
    await env.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'batch.amazonaws.com' }));
    await expectError(
      () => env.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'batch.amazonaws.com' })),
      {
        name: 'InvalidInputException',
        status: 400,
        message:
          'Service role name AWSServiceRoleForBatch has been taken in this account, please try a different suffix.',
      },
    );
  });
});

describe('DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus', () => {
  it('deletes the role and returns a task whose status is SUCCEEDED, as recorded', async () => {
    const { Role } = await env.iam.send(
      new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com' }),
    );
    const { DeletionTaskId } = await env.iam.send(
      new DeleteServiceLinkedRoleCommand({ RoleName: Role!.RoleName }),
    );
    expect(DeletionTaskId).toMatch(
      new RegExp(
        `^task/aws-service-role/elasticbeanstalk\\.amazonaws\\.com/${Role!.RoleName}/[0-9a-f-]{36}$`,
      ),
    );
    const status = await env.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    expect(status.Status).toBe('SUCCEEDED');
    await expectError(() => env.iam.send(new GetRoleCommand({ RoleName: Role!.RoleName })), {
      name: 'NoSuchEntityException',
      status: 404,
    });
  });

  it('DeleteServiceLinkedRole: a missing role is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForNothing' })),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The role with name AWSServiceRoleForNothing cannot be found.',
      },
    );
  });

  it('GetServiceLinkedRoleDeletionStatus: a task id that is not one is InvalidInput (400)', async () => {
    await expectError(
      () =>
        env.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: 'task/not-a-task' })),
      { name: 'InvalidInputException', status: 400 },
    );
  });
});
