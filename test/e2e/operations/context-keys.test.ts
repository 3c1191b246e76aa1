import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { expectError, policyDocument, serverForFile, trustService, unique } from './support.js';

// The context keys policies refer to (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetContextKeysForCustomPolicy.html
// and API_GetContextKeysForPrincipalPolicy.html). The first policy is the AWS CLI reference's example for
// get-context-keys-for-custom-policy, whose answer is ["aws:username", "aws:CurrentTime"].
const env = serverForFile();

const CLI_EXAMPLE = JSON.stringify({
  Version: '2012-10-17',
  Statement: {
    Effect: 'Allow',
    Action: 'dynamodb:*',
    Resource: 'arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}',
    Condition: { DateGreaterThan: { 'aws:CurrentTime': '2015-08-16T12:00:00Z' } },
  },
});

const TAGGED = policyDocument({
  Effect: 'Allow',
  Action: 'ec2:StartInstances',
  Resource: '*',
  Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
});

describe('GetContextKeysForCustomPolicy', () => {
  it("lists the keys of the AWS CLI reference's example, in its order", async () => {
    const out = await env.iam.send(
      new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [CLI_EXAMPLE] }),
    );
    expect(out.ContextKeyNames).toEqual(['aws:username', 'aws:CurrentTime']);
  });

  it('merges the keys of several policies, each once', async () => {
    const out = await env.iam.send(
      new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [CLI_EXAMPLE, TAGGED, CLI_EXAMPLE] }),
    );
    expect(out.ContextKeyNames).toEqual([
      'aws:username',
      'aws:CurrentTime',
      'aws:ResourceTag/team',
      'aws:PrincipalTag/team',
    ]);
  });

  it('a policy that does not parse is InvalidInput (400)', async () => {
    await expectError(
      () => env.iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ['{"Statement": ['] })),
      { name: 'InvalidInputException', status: 400 },
    );
  });
});

describe('GetContextKeysForPrincipalPolicy', () => {
  it("lists the keys of a role's inline and managed policies, then of the policies given", async () => {
    const role = unique('ctx-role');
    await env.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trustService() }));
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: role, PolicyName: 'inline', PolicyDocument: CLI_EXAMPLE }),
    );
    const { Policy } = await env.iam.send(
      new CreatePolicyCommand({
        PolicyName: unique('ctx-managed'),
        PolicyDocument: policyDocument({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      }),
    );
    await env.iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: Policy!.Arn }));
    const out = await env.iam.send(
      new GetContextKeysForPrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
        PolicyInputList: [TAGGED],
      }),
    );
    expect(new Set(out.ContextKeyNames)).toEqual(
      new Set([
        'aws:username',
        'aws:CurrentTime',
        'aws:SecureTransport',
        'aws:ResourceTag/team',
        'aws:PrincipalTag/team',
      ]),
    );
    expect(out.ContextKeyNames).toHaveLength(5);
    // The policies given come after the entity's own.
    expect(out.ContextKeyNames!.slice(-2)).toEqual(['aws:ResourceTag/team', 'aws:PrincipalTag/team']);
  });

  it('an entity that does not exist is NoSuchEntity (404)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new GetContextKeysForPrincipalPolicyCommand({
            PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/no-such-role`,
          }),
        ),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: 'The role with name no-such-role cannot be found.',
      },
    );
  });
});
